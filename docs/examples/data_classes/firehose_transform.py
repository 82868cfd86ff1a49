import base64

from powertools.common.typing import LambdaContext
from powertools.data_classes import KinesisFirehoseDataTransformationResponse, KinesisFirehoseEvent


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    response = KinesisFirehoseDataTransformationResponse()
    for record in KinesisFirehoseEvent(event).records:
        upper = base64.b64encode(record.data_as_text.upper().encode()).decode()
        response.add_record(record.build_data_transformation_response(data=upper))
    return response.asdict()
