"""Tracer: the same traced code sends the same X-Ray subsegments under both import paths.

Both flavours drive the ONE global ``aws_xray_sdk`` recorder, so they run one after the other
in this process, each as a fresh cold Lambda sandbox: tracer config and cold-start flag reset,
a new trace header, the recorder pointed at the ``xray_daemon`` capture in Lambda mode (as
packages/tracer/tests/conftest.py does). Subsegments are compared by name, annotations,
metadata and error cause, with the random ids and clock times dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from powertools_testing.xray_daemon import XRayDaemon
from tools.compat.harness import FLAVOURS, UPSTREAM, Flavour, SimpleLambdaContext

VOLATILE = ("id", "start_time", "end_time", "parent_id", "trace_id")
Scenario = Callable[[Flavour], Any]


def reset_tracer(flavour: Flavour) -> None:
    if flavour is UPSTREAM:
        import aws_lambda_powertools.tracing.tracer as upstream_tracer

        upstream_tracer.Tracer._reset_config()
        upstream_tracer.is_cold_start = True
    else:
        from powertools.tracer.tracer import Tracer

        Tracer._reset_config()


def stable(document: dict[str, Any]) -> dict[str, Any]:
    """The document without ids and times; an error cause reduced to what the code decides."""
    out = {k: v for k, v in document.items() if k not in VOLATILE}
    if isinstance(out.get("cause"), str):
        out["cause"] = "<id of the exception recorded in a subsegment>"
    elif "cause" in out:
        out["cause"] = {
            "working_directory": out["cause"]["working_directory"],
            # Stack frames include each library's own wrapper frames: compare type and message.
            "exceptions": [{"type": e.get("type"), "message": e.get("message")} for e in out["cause"]["exceptions"]],
        }
    return out


def tree(documents: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    """(name, parent's name) per subsegment: the shape of the trace."""
    names = {d["id"]: d["name"] for d in documents}
    return sorted((d["name"], names.get(d.get("parent_id", ""), "<lambda>")) for d in documents)


@pytest.fixture
def lambda_sandbox(xray_daemon: XRayDaemon, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Any]]:
    from aws_xray_sdk import global_sdk_config
    from aws_xray_sdk.core import xray_recorder
    from aws_xray_sdk.core.lambda_launcher import LambdaContext

    monkeypatch.setenv("LAMBDA_TASK_ROOT", "/var/task")
    previous_context = xray_recorder.context

    def run(scenario: Scenario, expected: int) -> dict[str, tuple[list[dict[str, Any]], Any]]:
        results = {}
        for flavour in FLAVOURS:
            reset_tracer(flavour)
            global_sdk_config.set_sdk_enabled(True)
            root, parent = f"1-{os.urandom(4).hex()}-{os.urandom(12).hex()}", os.urandom(8).hex()
            monkeypatch.setenv("_X_AMZN_TRACE_ID", f"Root={root};Parent={parent};Sampled=1")
            xray_recorder.configure(daemon_address=xray_daemon.address, context=LambdaContext(), sampling=False)
            xray_daemon.clear()
            try:
                value: Any = ("ok", scenario(flavour))
            except Exception as exc:
                value = ("error", type(exc).__name__, str(exc))
            documents = xray_daemon.wait_for(expected) if expected else []
            assert len(xray_daemon.documents()) == expected, xray_daemon.documents()
            assert {d["trace_id"] for d in documents} <= {root}
            results[flavour.name] = (documents, value)
            reset_tracer(flavour)
        return results

    yield run
    xray_recorder.context = previous_context
    global_sdk_config.set_sdk_enabled(True)
    for flavour in FLAVOURS:
        reset_tracer(flavour)


def assert_same(results: dict[str, tuple[list[dict[str, Any]], Any]]) -> list[dict[str, Any]]:
    (up_docs, up_value), (our_docs, our_value) = results["upstream"], results["ours"]
    assert our_value == up_value
    assert tree(our_docs) == tree(up_docs)
    by_name = {d["name"]: stable(d) for d in up_docs}
    assert {d["name"]: stable(d) for d in our_docs} == by_name
    return up_docs


# --- scenarios ---------------------------------------------------------------------------


def handler_and_method(pt: Flavour) -> Any:
    tracer = pt.tracer.Tracer(service="orders")

    @tracer.capture_method
    def get_order(order_id: str) -> dict[str, Any]:
        tracer.put_annotation(key="OrderId", value=order_id)
        tracer.put_metadata(key="lookup", value={"source": "db", "hits": [1, 2]})
        tracer.put_metadata(key="custom ns", value=3, namespace="other")
        return {"id": order_id, "total": 12.5}

    @tracer.capture_lambda_handler
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        tracer.put_annotation(key="Tenant", value="t1")
        tracer.put_annotation(key="Count", value=2)
        tracer.put_annotation(key="Flag", value=True)
        return {"statusCode": 200, "order": get_order(event["id"])}

    return handler({"id": "o-1"}, SimpleLambdaContext())


def two_invocations(pt: Flavour) -> Any:
    tracer = pt.tracer.Tracer()

    @tracer.capture_lambda_handler
    def handler(event: dict[str, Any], context: Any) -> None:
        return None

    handler({}, SimpleLambdaContext())
    handler({}, SimpleLambdaContext())


def handler_error(pt: Flavour) -> Any:
    tracer = pt.tracer.Tracer(service="payments")

    @tracer.capture_method
    def charge() -> None:
        raise ValueError("card declined")

    @tracer.capture_lambda_handler
    def handler(event: dict[str, Any], context: Any) -> None:
        charge()

    return handler({}, SimpleLambdaContext())


def capture_flags(pt: Flavour) -> Any:
    tracer = pt.tracer.Tracer(service="flags")

    @tracer.capture_method(capture_response=False)
    def secret() -> str:
        return "token"

    @tracer.capture_method(capture_error=False)
    def failing() -> None:
        raise KeyError("hidden")

    @tracer.capture_lambda_handler(capture_response=False)
    def handler(event: dict[str, Any], context: Any) -> str:
        with contextlib.suppress(KeyError):
            failing()
        return secret()

    return handler({}, SimpleLambdaContext())


def method_kinds(pt: Flavour) -> Any:
    tracer = pt.tracer.Tracer(service="kinds")

    @tracer.capture_method
    def numbers() -> Iterator[int]:
        yield from (1, 2)

    @tracer.capture_method
    @contextlib.contextmanager
    def managed() -> Iterator[str]:
        yield "resource"

    @tracer.capture_method
    async def fetch() -> str:
        return "fetched"

    @tracer.capture_lambda_handler
    def handler(event: dict[str, Any], context: Any) -> list[Any]:
        with managed() as resource:
            pass
        return [list(numbers()), resource, asyncio.run(fetch())]

    return handler({}, SimpleLambdaContext())


def manual_subsegment(pt: Flavour) -> Any:
    tracer = pt.tracer.Tracer(service="manual")

    @tracer.capture_lambda_handler
    def handler(event: dict[str, Any], context: Any) -> None:
        with tracer.provider.in_subsegment("## manual") as subsegment:
            subsegment.put_annotation("Step", "one")
            subsegment.put_metadata("detail", {"a": 1}, "manual")

    return handler({}, SimpleLambdaContext())


SCENARIOS: dict[str, tuple[Scenario, int]] = {
    "handler_and_method": (handler_and_method, 2),
    "two_invocations": (two_invocations, 2),
    "handler_error": (handler_error, 2),
    "capture_flags": (capture_flags, 3),
    "method_kinds": (method_kinds, 4),
    "manual_subsegment": (manual_subsegment, 2),
}


@pytest.mark.parametrize("name", SCENARIOS)
def test_subsegments_equal(name: str, lambda_sandbox: Callable[..., Any]) -> None:
    scenario, expected = SCENARIOS[name]
    assert_same(lambda_sandbox(scenario, expected))


def test_disabled_by_env_sends_nothing(lambda_sandbox: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_TRACE_DISABLED", "true")
    assert_same(lambda_sandbox(handler_and_method, 0))


def test_capture_response_env(lambda_sandbox: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_TRACER_CAPTURE_RESPONSE", "false")
    monkeypatch.setenv("POWERTOOLS_TRACER_CAPTURE_ERROR", "false")
    assert_same(lambda_sandbox(handler_error, 2))


def bad_annotation(pt: Flavour) -> Any:
    tracer = pt.tracer.Tracer(service="annotations")

    @tracer.capture_lambda_handler
    def handler(event: dict[str, Any], context: Any) -> None:
        tracer.put_annotation(key="not-allowed", value="v")

    return handler({}, SimpleLambdaContext())


def test_invalid_annotation_raises_here(lambda_sandbox: Callable[..., Any]) -> None:
    """Documented: packages/tracer/README.md, "Differences from upstream" — "Annotations X-Ray
    would drop raise `InvalidAnnotationError`"; upstream's SDK drops them with a warning."""
    results = lambda_sandbox(bad_annotation, 1)
    (up_docs, up_value), (our_docs, our_value) = results["upstream"], results["ours"]
    assert up_value == ("ok", None)
    assert up_docs[0]["annotations"] == {"ColdStart": True, "Service": "annotations"}
    assert our_value[:2] == ("error", "InvalidAnnotationError")
    assert our_docs[0]["annotations"] == up_docs[0]["annotations"]
    assert our_docs[0]["fault"] is True


# --- a custom provider sees what upstream gives it -------------------------------------------


class _Order:
    """A response object no JSON encoder knows."""


def _recording_provider(pt: Flavour, calls: list[tuple[Any, ...]]) -> Any:
    base = (
        pt.module("tracer", "base").BaseProvider
        if not pt.upstream
        else __import__("aws_lambda_powertools.tracing.base", fromlist=["BaseProvider"]).BaseProvider
    )

    class Span:
        def __init__(self, name: str) -> None:
            self.name = name

        def put_annotation(self, key: str, value: Any) -> None:
            calls.append(("annotation", self.name, key, value))

        def put_metadata(self, key: str, value: Any, namespace: str = "default") -> None:
            calls.append(("metadata", self.name, key, type(value).__name__, namespace))

        def add_exception(self, *args: Any, **kwargs: Any) -> None:
            calls.append(("exception", self.name))

    class Recording(base):  # type: ignore[misc,valid-type]
        @contextlib.contextmanager
        def in_subsegment(self, name: str | None = None, **kwargs: Any) -> Iterator[Span]:
            yield Span(str(name))

        @contextlib.asynccontextmanager
        async def in_subsegment_async(self, name: str | None = None, **kwargs: Any) -> Any:
            yield Span(str(name))

        def put_annotation(self, key: str, value: Any) -> None:
            calls.append(("top-annotation", key, value))

        def put_metadata(self, key: str, value: Any, namespace: str = "default") -> None:
            calls.append(("top-metadata", key, type(value).__name__, namespace))

        def patch(self, modules: Any) -> None:
            pass

        def patch_all(self) -> None:
            pass

    return Recording()


def test_custom_provider_receives_the_original_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_TRACE_DISABLED", "false")
    monkeypatch.setenv("LAMBDA_TASK_ROOT", "/var/task")  # in Lambda: tracing on in both
    seen = {}
    for pt in FLAVOURS:
        calls: list[tuple[Any, ...]] = []
        reset_tracer(pt)  # tracer config is shared per process: an earlier test may have disabled it
        tracer = pt.tracer.Tracer(service="compat", provider=_recording_provider(pt, calls), auto_patch=False)

        @tracer.capture_method
        def fetch() -> _Order:
            return _Order()

        @tracer.capture_method
        def fail() -> None:
            raise KeyError("missing")

        fetch()
        with contextlib.suppress(KeyError):
            fail()
        tracer.put_metadata(key="order", value=_Order())
        seen[pt.name] = [c for c in calls if c[0] in ("metadata", "top-metadata")]
    assert seen["ours"] == seen["upstream"]
    kinds = {c[2].rsplit(".", 1)[-1]: c[3] for c in seen["ours"] if c[0] == "metadata"}
    assert kinds["fetch response"] == "_Order"  # the object, not JSON text
    assert kinds["fail error"] == "KeyError"  # the exception itself
    for pt in FLAVOURS:
        reset_tracer(pt)  # and leave no custom provider to later tests
