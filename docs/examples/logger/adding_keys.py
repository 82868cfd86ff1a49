from powertools.common.typing import LambdaContext
from powertools.logger import Logger

logger = Logger(service="payment")


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    logger.info("Charged", extra={"amount": 10}, currency="EUR")  # this record only
    logger.append_keys(customer_id=event["customer_id"])  # every following record
    logger.info("Customer found")
    with logger.append_context_keys(step="refund"):  # only inside the block
        logger.info("Refunding")
    logger.remove_keys(["customer_id"])
    logger.thread_safe_append_keys(request="r-1")  # this thread / asyncio task only
    logger.set_correlation_id(event["order_id"])  # same as append_keys(correlation_id=...)
    logger.info("Refunded")
    logger.clear_state()  # back to the constructor's keys
    logger.info("Done")
    return {"refunded": True}
