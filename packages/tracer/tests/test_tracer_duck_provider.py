"""provider= an object with the methods a traced call uses, without subclassing BaseProvider."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest

from powertools.common.exceptions import ConfigurationError
from powertools.tracer import Tracer


class _Span:
    def __init__(self, calls: list[tuple[Any, ...]]) -> None:
        self.calls = calls

    def put_annotation(self, key: str, value: Any) -> None:
        self.calls.append(("annotation", key, value))

    def put_metadata(self, key: str, value: Any, namespace: str = "default") -> None:
        self.calls.append(("metadata", key, value, namespace))


class NoPatchProvider:
    """Only in_subsegment, put_annotation, put_metadata: no patch/patch_all, no encode_metadata."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    @contextlib.contextmanager
    def in_subsegment(self, name: str | None = None, **kwargs: Any) -> Iterator[_Span]:
        self.calls.append(("subsegment", name))
        yield _Span(self.calls)

    def put_annotation(self, key: str, value: Any) -> None:
        self.calls.append(("top-annotation", key, value))

    def put_metadata(self, key: str, value: Any, namespace: str = "default") -> None:
        self.calls.append(("top-metadata", key, value, namespace))


def test_provider_without_patch_methods_traces_and_skips_patching() -> None:
    provider = NoPatchProvider()
    tracer = Tracer(service="svc", disabled=False, provider=provider)  # auto_patch on: nothing to patch
    assert tracer.provider is provider
    payload = bytearray(b"raw")  # not JSON: a duck provider gets the object, never an encoding of it

    @tracer.capture_method
    def load() -> bytearray:
        return payload

    assert load() is payload
    tracer.put_metadata("blob", payload)
    [subsegment, annotation_free_metadata, top] = provider.calls
    assert subsegment == (
        "subsegment",
        f"## {__name__}.test_provider_without_patch_methods_traces_and_skips_patching.locals.load",
    )
    assert annotation_free_metadata[:2] == (
        "metadata",
        f"{__name__}.test_provider_without_patch_methods_traces_and_skips_patching.locals.load response",
    )
    assert annotation_free_metadata[2] is payload
    assert top[:2] == ("top-metadata", "blob")
    assert top[2] is payload
    assert top[3] == "svc"


class Incomplete:
    def put_annotation(self, key: str, value: Any) -> None: ...


def test_object_missing_the_tracing_methods_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="missing: in_subsegment, put_metadata"):
        Tracer(service="svc", disabled=False, provider=Incomplete())
