import boto3

from powertools.common.typing import LambdaContext
from powertools.tracer import Tracer

tracer = Tracer(service="reports", patch_modules=["botocore"])  # a list or tuple of names, not a bare string
s3 = boto3.client("s3")


@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    listing = s3.list_objects_v2(Bucket=event["bucket"])  # traced: a subsegment named "s3"
    return {"keys": [item["Key"] for item in listing.get("Contents", [])]}
