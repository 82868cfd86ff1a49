from powertools.common.typing import LambdaContext
from powertools.logger import Logger, LoggerBufferConfig

logger = Logger(service="orders", buffer_config=LoggerBufferConfig(max_bytes=20480, buffer_at_verbosity="DEBUG"))


class PaymentDeclined(Exception):
    pass


def charge(order: dict) -> None:
    if order["amount"] > 100:
        raise PaymentDeclined(f"order {order['id']}: amount over the limit")


@logger.inject_lambda_context(flush_buffer_on_uncaught_error=True)
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    logger.debug("fetched order", order_id=event["id"])  # held back
    try:
        charge(event)
    except PaymentDeclined:
        logger.error("charge failed", order_id=event["id"])  # writes the held records first, then this one
        return {"status": "declined"}
    return {"status": "charged"}  # the buffered debug record is dropped at the end
