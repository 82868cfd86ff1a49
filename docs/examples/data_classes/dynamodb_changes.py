from powertools.common.typing import LambdaContext
from powertools.data_classes import DynamoDBStreamEvent
from powertools.data_classes.dynamo_db_stream_event import DynamoDBRecordEventName


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    changes = {}
    for record in DynamoDBStreamEvent(event).records:
        stream = record.dynamodb  # None only for a record without its "dynamodb" section
        if record.event_name is DynamoDBRecordEventName.MODIFY and stream is not None:
            before, after = stream.old_image, stream.new_image
            changed = sorted(name for name, value in after.items() if before.get(name) != value)
            changes[after["pk"]] = {"changed": changed, "version": int(after["version"])}  # N -> Decimal
    return changes
