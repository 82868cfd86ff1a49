from powertools.common.typing import LambdaContext
from powertools.event_handler import (
    APIGatewayRestResolver,
    BaseMiddlewareHandler,
    NextMiddleware,
    Response,
    content_types,
)

app = APIGatewayRestResolver()


def require_api_key(app: APIGatewayRestResolver, next_middleware: NextMiddleware) -> Response:
    if app.current_event.get_header_value("x-api-key") != "expected":
        return Response(401, content_types.APPLICATION_JSON, {"message": "unauthorized"})  # stops here
    return next_middleware(app)


class AddRequestId(BaseMiddlewareHandler):
    def handler(self, app: APIGatewayRestResolver, next_middleware: NextMiddleware) -> Response:
        response = next_middleware(app)  # the route (and later middlewares) run here
        response.headers["X-Request-Id"] = app.lambda_context.aws_request_id
        return response


app.use([AddRequestId()])  # every route, in order


@app.get("/private", middlewares=[require_api_key])  # this route only
def private() -> dict:
    return {"secret": True}


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return app.resolve(event, context)
