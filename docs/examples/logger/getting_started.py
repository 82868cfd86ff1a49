from powertools.common.typing import LambdaContext
from powertools.logger import Logger, correlation_paths

logger = Logger(service="payment")  # or POWERTOOLS_SERVICE_NAME


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    logger.info("Collecting payment", order_id=event["pathParameters"]["id"])
    return {"statusCode": 200}
