import json

from powertools.common.typing import LambdaContext
from powertools.idempotency import DynamoDBPersistenceLayer, IdempotencyConfig, idempotent_function

store = DynamoDBPersistenceLayer(table_name="IdempotencyTable")
config = IdempotencyConfig(event_key_jmespath="id")  # the order's id alone decides "the same"

stock = {"KB-01": 10}  # stands in for your inventory service


@idempotent_function(data_keyword_argument="order", persistence_store=store, config=config)
def reserve(order: dict) -> dict:
    stock[order["sku"]] -= order["quantity"]
    return {"order_id": order["id"], "left": stock[order["sku"]]}


def lambda_handler(event: dict, context: LambdaContext) -> list[dict]:
    config.register_lambda_context(context)  # records in progress expire with this invocation
    return [reserve(order=json.loads(record["body"])) for record in event["Records"]]  # by keyword
