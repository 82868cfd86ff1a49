"""What the dev server answers when the handler fails, is slow, returns garbage or the request is bad."""

from __future__ import annotations

import http.client
import threading
import time
from typing import Any

import pytest

from powertools.event_handler import APIGatewayRestResolver
from powertools.event_handler.dev_server import DevServerError, ServerOptions, load_handler, running_server


def _request(server: Any, method: str, path: str, body: bytes | None = None, **headers: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(*server.server_address, timeout=10)
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    return response.status, response.read()


def test_handler_exception_is_500_with_traceback_only_in_server_log(capfd: pytest.CaptureFixture[str]) -> None:
    app = APIGatewayRestResolver()

    @app.get("/boom")
    def boom() -> dict:
        raise RuntimeError("secret-db-password-in-message")

    with running_server(app.resolve) as server:
        status, body = _request(server, "GET", "/boom")

    assert status == 500
    assert b"secret" not in body
    assert b"Traceback" not in body
    assert body.startswith(b"Internal Server Error")
    err = capfd.readouterr().err
    assert "Traceback (most recent call last)" in err
    assert "RuntimeError: secret-db-password-in-message" in err


def test_timeout_answers_504_honours_remaining_time_and_keeps_serving(capfd: pytest.CaptureFixture[str]) -> None:
    # The slow route blocks on an event the test releases, so nothing sleeps longer than needed.
    release = threading.Event()
    remaining: list[int] = []
    app = APIGatewayRestResolver()

    @app.get("/slow")
    def slow() -> dict:
        release.wait(10)
        return {"slow": True}

    @app.get("/fast")
    def fast() -> dict:
        remaining.append(app.lambda_context.get_remaining_time_in_millis())
        return {"fast": True}

    with running_server(app.resolve, ServerOptions(timeout=0.3)) as server:
        status, body = _request(server, "GET", "/slow")
        release.set()
        fast_status, fast_body = _request(server, "GET", "/fast")

    assert status == 504
    assert body == b"Task timed out after 0.3 seconds\n"
    assert "task timed out after 0.3 seconds" in capfd.readouterr().err
    assert (fast_status, fast_body) == (200, b'{"fast":true}')
    assert 0 < remaining[0] <= 300


def test_request_behind_a_stuck_invocation_gets_503() -> None:
    release = threading.Event()

    def handler(event: dict, context: Any) -> dict:
        if event["path"] == "/stuck":
            release.wait(10)
        return {"statusCode": 200, "body": "ok"}

    with running_server(handler, ServerOptions(timeout=0.2)) as server:
        assert _request(server, "GET", "/stuck")[0] == 504
        status, body = _request(server, "GET", "/next")  # the stuck one still holds the environment
        release.set()
        deadline = time.monotonic() + 5
        while (after := _request(server, "GET", "/next"))[0] != 200 and time.monotonic() < deadline:
            time.sleep(0.05)

    assert status == 503
    assert b"a previous invocation is still running" in body
    assert after == (200, b"ok")


def test_body_over_the_limit_is_413_and_at_the_limit_passes() -> None:
    def handler(event: dict, context: Any) -> dict:
        return {"statusCode": 200, "body": str(len(event["body"] or ""))}

    with running_server(handler, ServerOptions(max_body_bytes=1024)) as server:
        too_big = _request(server, "POST", "/", b"x" * 1025, **{"Content-Type": "text/plain"})
        at_limit = _request(server, "POST", "/", b"x" * 1024, **{"Content-Type": "text/plain"})

    assert too_big[0] == 413
    assert b"1024 bytes" in too_big[1]
    assert at_limit == (200, b"1024")


def test_chunked_body_is_refused_with_411() -> None:
    with running_server(lambda event, context: {"statusCode": 200}) as server:
        conn = http.client.HTTPConnection(*server.server_address, timeout=10)
        conn.request("POST", "/", body=iter([b"abc"]), encode_chunked=True)
        assert conn.getresponse().status == 411


def test_malformed_proxy_response_is_502_with_reason_in_log(capfd: pytest.CaptureFixture[str]) -> None:
    with running_server(lambda event, context: {"statusCode": 200, "body": {"not": "a string"}}) as server:
        status, _ = _request(server, "GET", "/")
    assert status == 502
    assert "'body' must be a string, not dict" in capfd.readouterr().err


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [("http", (200, b'{"plain": "value"}')), ("function-url", (200, b'{"plain": "value"}')), ("rest", (502, None))],
)
def test_plain_return_value_is_wrapped_only_by_payload_v2(fmt: str, expected: tuple[int, bytes | None]) -> None:
    with running_server(lambda event, context: {"plain": "value"}, ServerOptions(format_name=fmt)) as server:
        status, body = _request(server, "GET", "/")
    assert status == expected[0]
    if expected[1] is not None:
        assert body == expected[1]


def test_handler_function_sees_multi_value_response_headers() -> None:
    def handler(event: dict, context: Any) -> dict:
        return {
            "statusCode": 202,
            "multiValueHeaders": {"X-Many": ["1", "2"]},
            "headers": {"X-Many": "ignored", "X-One": "1"},
            "body": "aGk=",
            "isBase64Encoded": True,
        }

    with running_server(handler) as server:
        conn = http.client.HTTPConnection(*server.server_address, timeout=10)
        conn.request("GET", "/")
        response = conn.getresponse()
        assert response.status == 202
        assert response.msg.get_all("X-Many") == ["1", "2"]
        assert response.getheader("X-One") == "1"
        assert response.read() == b"hi"


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("no_colon", "is not 'module:attribute'"),
        ("mod:", "is not 'module:attribute'"),
        ("bad-name:app", "is not a module name"),
        ("json:app-x", "is not an attribute name"),
        ("surely_missing_module_xyz:app", "cannot import module 'surely_missing_module_xyz'"),
        ("json:nope", "module 'json' has no attribute 'nope'"),
        ("json:__doc__", "is neither a resolver nor a handler(event, context) function"),
    ],
)
def test_bad_targets_raise_dev_server_error(target: str, message: str) -> None:
    with pytest.raises(DevServerError, match=None) as info:
        load_handler(target)
    assert message in str(info.value)


def test_unknown_format_and_bad_timeout_are_rejected() -> None:
    with pytest.raises(DevServerError, match="unknown format 'soap'"):
        ServerOptions(format_name="soap")
    with pytest.raises(DevServerError, match="timeout must be a positive number"):
        ServerOptions(timeout=0)


def test_missing_import_inside_the_app_shows_the_apps_own_error(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # The app exists; what it imports does not. The user needs that name, not "cannot import the app".
    (tmp_path / "devserver_app_imports.py").write_text("import devserver_app\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError, match="No module named 'devserver_app'"):
        load_handler("devserver_app_imports:app")


def test_resolver_target_brings_its_own_format(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "devserver_fmt_app.py").write_text(
        "from powertools.event_handler import ALBResolver\n"
        "app = ALBResolver()\n"
        "def handler(event, context):\n"
        "    return app.resolve(event, context)\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    resolve, fmt = load_handler("devserver_fmt_app:app")
    assert fmt == "alb"
    assert resolve.__self__.__class__.__name__ == "ALBResolver"
    function, no_format = load_handler("devserver_fmt_app:handler")
    assert no_format is None
    assert function.__name__ == "handler"
