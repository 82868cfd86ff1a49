from powertools.common.typing import LambdaContext
from powertools.data_classes import SQSEvent


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    uploads = []
    for record in SQSEvent(event).records:
        s3 = record.decoded_nested_s3_event  # S3 -> SQS
        uploads.append(f"s3://{s3.bucket_name}/{s3.object_key}")
    return {"uploads": uploads}
