from powertools.common.typing import LambdaContext
from powertools.event_handler import APIGatewayRestResolver, Response, content_types

app = APIGatewayRestResolver()
todos = {"1": {"id": "1", "title": "Buy milk"}}  # stands in for your table


@app.get("/todos/<todo_id>")  # <todo_id> matches one path segment
def get_todo(todo_id: str) -> dict:
    return todos[todo_id]  # a dict or list answers 200 application/json


@app.post("/todos")
def create_todo() -> tuple[dict, int]:
    todo = app.current_event.json_body  # parsed once; malformed JSON answers 400
    todos[todo["id"]] = todo
    return todo, 201  # (body, status code)


@app.route("/todos/<todo_id>", method=["PUT", "PATCH"])
def update_todo(todo_id: str) -> Response:
    todos[todo_id].update(app.current_event.json_body)
    return Response(status_code=200, content_type=content_types.TEXT_PLAIN, body="updated")


@app.get("/static/.+")  # a rule may use regex syntax: here a catch-all
def static_files() -> Response:
    return Response(200, "image/png", b"\x89PNG\r\n\x1a\n")  # bytes are sent base64-encoded


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return app.resolve(event, context)
