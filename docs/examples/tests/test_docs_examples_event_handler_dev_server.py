"""docs/packages/event-handler.md: the dev server example served on 127.0.0.1 and called over HTTP."""

from __future__ import annotations

import http.client
import json
from typing import Any

from powertools.event_handler.dev_server import ServerOptions, running_server


def test_dev_server_turns_a_request_into_an_http_api_event(load_example: Any) -> None:
    example = load_example("event_handler/dev_server_app.py")

    with running_server(example.app.resolve, ServerOptions(format_name="http")) as server:
        port = server.server_address[1]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", "/todos/1?tag=a&tag=b", headers={"Cookie": "session=abc"})
            found = connection.getresponse()
            found_body = found.read()
            connection.request("GET", "/nothing")
            missing = connection.getresponse()
            missing_body = missing.read()
        finally:
            connection.close()

    assert found.status == 200
    assert found.getheader("Content-Type") == "application/json"
    assert found.getheader("X-Stage") == "$default"
    assert json.loads(found_body) == {"id": "1", "tags": ["a", "b"], "cookies": ["session=abc"]}

    assert missing.status == 404
    assert missing.getheader("Content-Type") == "application/json"
    assert json.loads(missing_body) == {"statusCode": 404, "message": "Not found"}
