"""Swagger UI, served by the dev server from the packaged assets, opened in headless Chromium.

No network: the page, Swagger UI's JS/CSS and the API all come from the local dev server.
The app calls ``enable_swagger``; with the ``swagger`` extra installed the page loads Swagger UI
from the app itself, so the test needs no network.
"""

from __future__ import annotations

import json
from pathlib import Path

from powertools.event_handler import APIGatewayRestResolver
from powertools.event_handler.dev_server import running_server
from powertools.event_handler.swagger import assets
from powertools_testing.chromium import Chromium


def _app(calls: list[str]) -> APIGatewayRestResolver:
    app = APIGatewayRestResolver(enable_validation=True)
    app.enable_swagger(path="/swagger", title="Todos API", version="1.0.0")

    @app.get("/todos/<todo_id>", summary="Fetch one todo", operation_id="getTodo")
    def get_todo(todo_id: str) -> dict:
        calls.append(todo_id)
        return {"id": todo_id, "title": "Buy milk"}

    @app.post("/todos", summary="Create a todo", operation_id="createTodo")
    def create_todo() -> dict:
        return {"id": "1"}

    return app


def test_swagger_page_lists_operations_in_dumped_dom(chromium: Chromium, tmp_path: Path) -> None:
    calls: list[str] = []
    with running_server(_app(calls).resolve) as server:
        dom = chromium.dump_dom(f"{server.url}/swagger")
        shot = chromium.screenshot(f"{server.url}/swagger", tmp_path / "swagger.png")

    # Swagger UI rendered (its own markup, not ours) with both operations and their summaries.
    assert f'src="/swagger/{assets.JS_FILE}"' in dom  # packaged assets, not the CDN
    assert 'class="swagger-ui"' in dom
    assert 'id="operations-default-getTodo"' in dom
    assert 'id="operations-default-createTodo"' in dom
    assert 'data-path="/todos/{todo_id}"' in dom
    assert "Fetch one todo" in dom
    assert "Create a todo" in dom
    assert "Todos API" in dom
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert calls == []  # rendering alone calls no route


def test_try_it_out_calls_the_route_through_the_dev_server(chromium: Chromium, tmp_path: Path) -> None:
    calls: list[str] = []
    op = "#operations-default-getTodo"
    field = f'{op} tr[data-param-name="todo_id"] input'
    with running_server(_app(calls).resolve) as server, chromium.session() as page:
        page.open(f"{server.url}/swagger")
        page.wait_for(f"document.querySelector('{op} .opblock-summary-control') !== null", timeout=20)
        page.evaluate(f"document.querySelector('{op} .opblock-summary-control').click()")
        page.wait_for(f"document.querySelector('{op} .try-out__btn') !== null", timeout=20)
        page.evaluate(f"document.querySelector('{op} .try-out__btn').click()")
        # The input exists before "Try it out" but stays disabled until the click re-renders it.
        page.wait_for(f"document.querySelector('{field}') && !document.querySelector('{field}').disabled", timeout=20)
        page.evaluate(f"document.querySelector('{field}').focus()")
        page.type_text("42")
        # Swagger UI debounces parameter input; leaving the field commits the value at once.
        page.evaluate(f"document.querySelector('{field}').blur()")
        page.evaluate(f"document.querySelector('{op} .execute').click()")
        body = page.wait_for(
            f"(document.querySelector('{op} .live-responses-table .highlight-code pre') || {{}}).innerText", timeout=20
        )
        status = page.evaluate(
            f"document.querySelector('{op} .live-responses-table tbody .response-col_status').innerText"
        )
        request_url = page.evaluate(f"document.querySelector('{op} .request-url pre').innerText")
        page.screenshot(tmp_path / "try-it-out.png")

    assert calls == ["42"]  # the route ran, once, with the path parameter typed in the browser
    assert json.loads(body) == {"id": "42", "title": "Buy milk"}
    assert status.strip() == "200"
    assert request_url == f"{server.url}/todos/42"
    assert (tmp_path / "try-it-out.png").read_bytes().startswith(b"\x89PNG")
