from powertools.common.typing import LambdaContext
from powertools.event_handler import APIGatewayRestResolver, Cookie, Response, SameSite, content_types

app = APIGatewayRestResolver()


@app.get("/report", compress=True, cache_control="max-age=300")
def report() -> Response:
    return Response(
        200,
        content_types.APPLICATION_JSON,
        {"rows": [{"day": "2024-05-14", "orders": 42}]},
        headers={"X-Tags": ["daily", "orders"]},  # several values for one header
        cookies=[Cookie("session", "abc", http_only=True, same_site=SameSite.LAX_MODE)],
    )


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return app.resolve(event, context)
