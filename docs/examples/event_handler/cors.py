from powertools.common.typing import LambdaContext
from powertools.event_handler import APIGatewayHttpResolver, CORSConfig

cors = CORSConfig(
    allow_origin="https://app.example.com",
    extra_origins=["https://admin.example.com"],
    allow_headers=["X-Correlation-Id"],
    expose_headers=["X-Request-Id"],
    max_age=600,
    allow_credentials=True,
)
app = APIGatewayHttpResolver(cors=cors)


@app.get("/todos")
def list_todos() -> dict:
    return {"todos": []}


@app.post("/todos")
def create_todo() -> tuple[dict, int]:
    return app.current_event.json_body, 201


@app.get("/health", cors=False)  # opt a route out: no CORS headers on its answers
def health() -> dict:
    return {"ok": True}


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return app.resolve(event, context)
