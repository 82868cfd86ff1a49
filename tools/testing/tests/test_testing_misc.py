import json
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from powertools_testing import events, free_port


def test_free_port_is_bindable() -> None:
    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


def test_lambda_context(request: pytest.FixtureRequest) -> None:
    lambda_context = request.getfixturevalue("lambda_context")
    assert lambda_context.function_name == "test-function"
    assert lambda_context.memory_limit_in_mb == 128
    assert lambda_context.invoked_function_arn == "arn:aws:lambda:us-east-1:123456789012:function:test-function"
    assert lambda_context.aws_request_id


@pytest.fixture
def events_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "sqs").mkdir()
    (tmp_path / "apiGatewayProxyEvent.json").write_text(json.dumps({"path": "/hello"}))
    (tmp_path / "sqs" / "batch.json").write_text(json.dumps({"Records": []}))
    (tmp_path / "list.json").write_text("[]")
    monkeypatch.setattr(events, "EVENTS_DIR", tmp_path)
    return tmp_path


def test_load_event_returns_fresh_copies(events_dir: Path, load_event: Callable[[str], dict[str, Any]]) -> None:
    assert events.event_names() == ["apiGatewayProxyEvent", "list", "sqs/batch"]
    first = load_event("apiGatewayProxyEvent")
    first["path"] = "/mutated"
    assert load_event("apiGatewayProxyEvent") == {"path": "/hello"}
    assert load_event("sqs/batch") == {"Records": []}


def test_load_event_missing_names_file_and_neighbours(events_dir: Path) -> None:
    with pytest.raises(FileNotFoundError) as exc:
        events.load_event("apiGatewayProxyEvnt")
    message = str(exc.value)
    assert "apiGatewayProxyEvnt.json" in message
    assert "Did you mean: apiGatewayProxyEvent" in message
    with pytest.raises(events.EventNotFoundError):
        events.load_event("../../etc/passwd")
    assert events.load_event("list") == []


@pytest.mark.parametrize("name", events.event_names())
def test_shipped_events_are_json_objects(name: str) -> None:
    event = events.load_event(name)
    # Batch resolver events arrive as a list of single events.
    items = event if isinstance(event, list) else [event]
    assert items
    assert all(isinstance(item, dict) and item for item in items)
