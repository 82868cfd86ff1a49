from powertools.common.typing import LambdaContext
from powertools.data_classes import S3Event, event_source


@event_source(data_class=S3Event)
def lambda_handler(event: S3Event, context: LambdaContext) -> dict:
    # object_key is URL-decoded: "Quarterly+Report+%28final%29.pdf" -> "Quarterly Report (final).pdf"
    return {"bucket": event.bucket_name, "key": event.object_key}
