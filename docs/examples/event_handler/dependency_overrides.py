from dependency_injection import app, get_todos  # the example above, saved as dependency_injection.py

from powertools.common.typing import LambdaContext


def test_get_todo_with_fake_todos(apigw_rest_event: dict, lambda_context: LambdaContext) -> None:
    app.dependency_overrides[get_todos] = lambda: {"1": {"id": "1", "title": "Fake"}}
    try:
        response = app.resolve({**apigw_rest_event, "headers": {"X-Tenant-Id": "test"}}, lambda_context)
    finally:
        app.dependency_overrides.clear()

    assert response["body"] == '{"tenant":"test","todo":{"id":"1","title":"Fake"},"route":"/todos/{todo_id}"}'
