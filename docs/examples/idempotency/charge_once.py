import json
from uuid import uuid4

from powertools.common.typing import LambdaContext
from powertools.idempotency import DynamoDBPersistenceLayer, IdempotencyConfig, idempotent

store = DynamoDBPersistenceLayer(table_name="IdempotencyTable")
config = IdempotencyConfig(event_key_jmespath="powertools_json(body).order_id")

payments: list[dict] = []  # stands in for your payment provider


def charge(order: dict) -> dict:
    payment = {"payment_id": str(uuid4()), "order_id": order["order_id"], "amount": order["amount"]}
    payments.append(payment)
    return payment


@idempotent(persistence_store=store, config=config)
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    payment = charge(json.loads(event["body"]))
    return {"statusCode": 200, "body": json.dumps(payment)}
