from powertools.event_handler import APIGatewayHttpResolver, Response, content_types

app = APIGatewayHttpResolver()  # serve it: python -m powertools.event_handler serve dev_server_app:app


@app.get("/todos/<todo_id>")
def get_todo(todo_id: str) -> Response:
    event = app.current_event  # the HTTP API (payload 2.0) event the dev server built from the request
    return Response(
        200,
        content_types.APPLICATION_JSON,
        {"id": todo_id, "tags": event.get_multi_value_query_string_values("tag"), "cookies": event.cookies},
        headers={"X-Stage": event.request_context.stage},
    )
