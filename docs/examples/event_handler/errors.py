from powertools.common.typing import LambdaContext
from powertools.event_handler import (
    APIGatewayRestResolver,
    BadRequestError,
    NotFoundError,
    Response,
    content_types,
)

app = APIGatewayRestResolver()
orders = {"o-1": {"id": "o-1", "status": "shipped"}}


@app.post("/orders/<order_id>/cancel")
def cancel_order(order_id: str) -> dict:
    if order_id not in orders:
        raise NotFoundError(f"order {order_id} not found")  # handled by no_route below
    if orders[order_id]["status"] == "shipped":
        raise BadRequestError(f"order {order_id} has shipped")  # 400 {"statusCode":400,"message":"..."}
    return {**orders[order_id], "status": "cancelled"}


@app.get("/orders/<order_id>/items/<count>")
def item_count(order_id: str, count: str) -> dict:
    return {"id": order_id, "items": int(count)}  # int("two") raises ValueError


@app.exception_handler(ValueError)
def bad_value(exc: ValueError) -> Response:
    return Response(422, content_types.APPLICATION_JSON, {"error": str(exc)})


@app.not_found  # every NotFoundError: paths no rule matches, and the ones routes raise
def no_route(exc: NotFoundError) -> Response:
    return Response(404, content_types.TEXT_PLAIN, f"nothing here: {exc.msg}")


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return app.resolve(event, context)
