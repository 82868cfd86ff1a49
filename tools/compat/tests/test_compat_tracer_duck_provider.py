"""Tracer: a provider that implements upstream's methods without subclassing BaseProvider.

Upstream takes any object as ``provider=``; ours too, as long as it has ``in_subsegment``,
``put_annotation`` and ``put_metadata``. The recording provider checks the objects it gets are
the originals (``is``), in both flavours.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest

from tools.compat.harness import FLAVOURS, SimpleLambdaContext


class _Order:
    """A response object no JSON encoder knows."""


class _Span:
    def __init__(self, name: str, calls: list[tuple[Any, ...]]) -> None:
        self.name = name
        self.calls = calls

    def put_annotation(self, key: str, value: Any) -> None:
        self.calls.append(("annotation", self.name, key, value))

    def put_metadata(self, key: str, value: Any, namespace: str = "default") -> None:
        self.calls.append(("metadata", self.name, key.rsplit(".", 1)[-1], value, namespace))

    def add_exception(self, *args: Any, **kwargs: Any) -> None:
        self.calls.append(("exception", self.name))


class DuckProvider:
    """No base class: only the methods a traced call uses, plus patching."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    @contextlib.contextmanager
    def in_subsegment(self, name: str | None = None, **kwargs: Any) -> Iterator[_Span]:
        self.calls.append(("subsegment", name))
        yield _Span(str(name).rsplit(".", 1)[-1], self.calls)

    def put_annotation(self, key: str, value: Any) -> None:
        self.calls.append(("top-annotation", key, value))

    def put_metadata(self, key: str, value: Any, namespace: str = "default") -> None:
        self.calls.append(("top-metadata", key, value, namespace))

    def patch(self, modules: Any) -> None:
        self.calls.append(("patch", tuple(modules)))

    def patch_all(self) -> None:
        self.calls.append(("patch_all",))


def _scenario(pt: Any, order: _Order, error: KeyError, note: dict[str, Any]) -> list[tuple[Any, ...]]:
    provider = DuckProvider()
    pt.tracer.Tracer._reset_config()
    tracer = pt.tracer.Tracer(service="compat", provider=provider)
    assert tracer.provider is provider

    @tracer.capture_method
    def fetch() -> _Order:
        return order

    @tracer.capture_method
    def fail() -> None:
        raise error

    @tracer.capture_lambda_handler
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        fetch()
        with contextlib.suppress(KeyError):
            fail()
        tracer.put_annotation(key="OrderId", value="o-1")
        tracer.put_metadata(key="note", value=note)
        return note

    handler({}, SimpleLambdaContext())
    pt.tracer.Tracer._reset_config()
    return provider.calls


def test_duck_typed_provider_gets_the_original_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_TRACE_DISABLED", "false")
    monkeypatch.setenv("LAMBDA_TASK_ROOT", "/var/task")  # in Lambda: tracing on in both
    order, error, note = _Order(), KeyError("missing"), {"n": 1}
    seen = {pt.name: _scenario(pt, order, error, note) for pt in FLAVOURS}
    # The handler's ColdStart/Service annotations: upstream adds them as the handler's subsegment
    # closes, ours as it opens; the same calls reach the provider, in the same order otherwise.
    handler_annotations = {
        name: [c for c in calls if c[:2] == ("annotation", "## handler")] for name, calls in seen.items()
    }
    assert handler_annotations["ours"] == handler_annotations["upstream"]
    others = {name: [c for c in calls if c[:2] != ("annotation", "## handler")] for name, calls in seen.items()}
    assert others["ours"] == others["upstream"]
    calls = seen["ours"]
    assert calls[0] == ("patch_all",)  # auto_patch asks the provider, as upstream
    assert [c[1] for c in calls if c[0] == "subsegment"] == [
        "## handler",
        f"## {__name__}._scenario.<locals>.fetch".replace("<locals>", "locals"),
        f"## {__name__}._scenario.<locals>.fail".replace("<locals>", "locals"),
    ]
    metadata = {c[2]: c[3] for c in calls if c[0] == "metadata"}
    assert metadata["fetch response"] is order
    assert metadata["fail error"] is error
    assert metadata["handler response"] is note
    assert ("top-annotation", "OrderId", "o-1") in calls
    assert ("top-metadata", "note", note, "compat") in calls
    assert next(c for c in calls if c[0] == "top-metadata")[2] is note
    assert ("annotation", "## handler", "ColdStart", True) in calls
