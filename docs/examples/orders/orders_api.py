"""The orders API: one Lambda function behind API Gateway (REST).

POST /orders          create an order (once per Idempotency-Key header: a retried request
                      gets the first response, and no second order or charge)
GET  /orders/<id>     read one back
GET  /orders?customer_id=<id>&limit=<n>   a customer's orders
GET  /swagger         Swagger UI; ``/swagger?format=json`` is the OpenAPI document

Requests are validated from each route's type hints (``enable_validation=True``): a body,
header or path value that doesn't fit is answered 422 with where and what, before the route
runs. The same hints, with the models' descriptions, make the OpenAPI document.

Settings come from SSM (tax rate) and Secrets Manager (the payment provider's key), the
shipping option from a feature flag in AppConfig; each order is stored in DynamoDB and one
message per line is sent to the fulfilment queue.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import uuid
from decimal import Decimal
from typing import Annotated, Any
from uuid import UUID

import boto3
from orders_models import OrderReceipt, OrderRequest

from powertools.common.typing import LambdaContext
from powertools.event_handler import APIGatewayRestResolver, Response
from powertools.event_handler.exceptions import NotFoundError
from powertools.event_handler.openapi.params import Body, Header, Path, Query
from powertools.feature_flags import AppConfigStore, FeatureFlags
from powertools.idempotency import DynamoDBPersistenceLayer, IdempotencyConfig, idempotent_function
from powertools.idempotency.exceptions import IdempotencyAlreadyInProgressError, IdempotencyValidationError
from powertools.logger import Logger, correlation_paths
from powertools.metrics import Metrics, MetricUnit
from powertools.parameters import get_parameter, get_secret
from powertools.tracer import Tracer

ORDERS_TABLE = os.environ.get("ORDERS_TABLE", "orders")
IDEMPOTENCY_TABLE = os.environ.get("IDEMPOTENCY_TABLE", "orders-idempotency")
FULFILMENT_QUEUE_URL = os.environ.get("FULFILMENT_QUEUE_URL", "")

logger = Logger(service="orders")
tracer = Tracer(service="orders")
metrics = Metrics(namespace="Shop", service="orders")
app = APIGatewayRestResolver(enable_validation=True)
app.enable_swagger(
    path="/swagger",
    title="Orders API",
    version="1.0.0",
    description="Place orders (once per Idempotency-Key) and read them back.",
)
flags = FeatureFlags(
    store=AppConfigStore(environment="demo", application="shop", name="features", max_age=5),
)


def answered_again(response: dict[str, str], idempotent_data: Any) -> dict[str, str]:
    """A retried create: counted, and answered with the first response."""
    metrics.add_metric(name="OrderRetryAnswered", unit=MetricUnit.Count, value=1)
    return response


idempotency = IdempotencyConfig(
    event_key_jmespath="key",
    payload_validation_jmespath="order",
    expires_after_seconds=24 * 3600,
    response_hook=answered_again,
)
_aws: dict[str, Any] = {}


def aws(service: str) -> Any:
    """One client per service for the life of the execution environment."""
    if service not in _aws:
        _aws[service] = boto3.client(service)
    return _aws[service]


@app.exception_handler(IdempotencyValidationError)
def key_reused(error: IdempotencyValidationError) -> Response:
    metrics.add_metric(name="IdempotencyKeyReused", unit=MetricUnit.Count, value=1)
    return Response(
        status_code=409, content_type="application/json", body={"detail": "Idempotency-Key reused for another order"}
    )


@app.exception_handler(IdempotencyAlreadyInProgressError)
def still_running(error: IdempotencyAlreadyInProgressError) -> Response:
    metrics.add_metric(name="OrderStillRunning", unit=MetricUnit.Count, value=1)
    return Response(
        status_code=409, content_type="application/json", body={"detail": "this order is being placed; retry"}
    )


@app.post(
    "/orders",
    summary="Place an order",
    responses={
        201: {"description": "The order was placed (or, for a retried key, had been)"},
        409: {"description": "The Idempotency-Key was used for another order, or that order is still being placed"},
    },
)
@tracer.capture_method
def create_order(
    order: Annotated[OrderRequest, Body(description="the order to place")],
    idempotency_key: Annotated[
        str | None,
        Header(alias="Idempotency-Key", min_length=1, max_length=64, description="the client's key for retries"),
    ] = None,
) -> Response[OrderReceipt]:
    # Clients retry with the same key; without one, each request is its own order.
    key = idempotency_key or app.current_event.request_context.request_id
    idempotency.register_lambda_context(app.lambda_context)
    created = place_order(request={"key": key, "order": order.model_dump()})
    return Response(status_code=201, content_type="application/json", body=OrderReceipt.model_validate(created))


@idempotent_function(
    data_keyword_argument="request",
    persistence_store=DynamoDBPersistenceLayer(table_name=IDEMPOTENCY_TABLE),
    config=idempotency,
)
def place_order(request: dict[str, Any]) -> dict[str, str]:
    order = OrderRequest.model_validate(request["order"])
    order_id = str(uuid.uuid4())
    logger.append_keys(order_id=order_id, customer_id=order.customer_id)

    tax_rate = Decimal(get_parameter("/shop/tax-rate", max_age=300))
    subtotal = sum(Decimal(str(line.unit_price)) * line.quantity for line in order.lines)
    total = (subtotal * (1 + tax_rate)).quantize(Decimal("0.01"))
    express = flags.evaluate(name="express_shipping", context={"tier": order.tier}, default=False)
    shipping = "express" if express else "standard"

    # The payment provider's key signs the charge; it is never logged.
    key = get_secret("shop/payment-api-key", max_age=300)
    signature = hmac.new(str(key).encode(), f"{order_id}:{total}".encode(), hashlib.sha256).hexdigest()

    item = {
        "order_id": {"S": order_id},
        "customer_id": {"S": order.customer_id},
        "total": {"N": str(total)},
        "shipping": {"S": shipping},
        "lines": {"N": str(len(order.lines))},
        "payment_signature": {"S": signature[:16]},
    }
    aws("dynamodb").put_item(TableName=ORDERS_TABLE, Item=item)
    for line in order.lines:
        body = {"order_id": order_id, "sku": line.sku, "quantity": line.quantity}
        aws("sqs").send_message(QueueUrl=FULFILMENT_QUEUE_URL, MessageBody=json.dumps(body))
    tracer.put_annotation(key="shipping", value=shipping)
    metrics.add_metric(name="OrderCreated", unit=MetricUnit.Count, value=1)
    metrics.add_metric(name="OrderValue", unit=MetricUnit.NoUnit, value=float(total))
    logger.info("order created", extra={"total": str(total), "shipping": shipping})
    return {"order_id": order_id, "total": str(total), "shipping": shipping}


@app.get("/orders/<order_id>", summary="Read an order", responses={404: {"description": "No such order"}})
@tracer.capture_method
def get_order(order_id: Annotated[UUID, Path(description="the order_id create returned")]) -> OrderReceipt:
    metrics.add_metric(name="OrderLookup", unit=MetricUnit.Count, value=1)
    key = {"order_id": {"S": str(order_id)}}
    found = aws("dynamodb").get_item(TableName=ORDERS_TABLE, Key=key).get("Item")
    if found is None:
        raise NotFoundError(f"order {order_id} not found")
    return receipt(found)


@app.get("/orders", summary="List a customer's orders")
@tracer.capture_method
def list_orders(
    customer_id: Annotated[str, Query(min_length=1, max_length=64, description="whose orders")],
    limit: Annotated[int, Query(ge=1, le=100, description="at most this many")] = 20,
) -> list[OrderReceipt]:
    # A scan is enough for a demo table; a real one would query an index on customer_id.
    found = aws("dynamodb").scan(
        TableName=ORDERS_TABLE,
        FilterExpression="customer_id = :c",
        ExpressionAttributeValues={":c": {"S": customer_id}},
    )["Items"]
    return [receipt(item) for item in found[:limit]]


def receipt(item: dict[str, Any]) -> OrderReceipt:
    """An order as the API answers it, from its DynamoDB item."""
    return OrderReceipt(order_id=item["order_id"]["S"], total=item["total"]["N"], shipping=item["shipping"]["S"])


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST, clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics(capture_cold_start_metric=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)
