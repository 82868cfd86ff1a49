"""An OpenTelemetry provider: the same spans, annotations and errors, exported anywhere.

The X-Ray SDK for Python reaches end of support in February 2027; this provider is
the way out. Subsegments become spans with the same names; annotations become span
attributes (and are listed in ``aws.xray.annotations``, which the AWS X-Ray exporter
turns back into indexed annotations); metadata becomes ``<namespace>.<key>``
attributes holding JSON; errors are recorded as exception events with ERROR status.

Needs the ``otel`` extra: ``pip install "powertools-tracer[otel]"``.
"""

from __future__ import annotations

from contextlib import asynccontextmanager, contextmanager

from powertools.common.debug import get_debug_logger
from powertools.tracer.base import BaseProvider, BaseSegment, json_text
from powertools.tracer.exceptions import MissingDependencyError

# Not typing.TYPE_CHECKING: importing `typing` adds to every cold start.
TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    import traceback
    from collections.abc import AsyncIterator, Iterator, Sequence
    from typing import Any

    from powertools.tracer.base import AnnotationValue

logger = get_debug_logger(__name__)

XRAY_ANNOTATIONS_ATTRIBUTE = "aws.xray.annotations"
_PRIMITIVES = (str, bool, int, float)


class OpenTelemetrySegment(BaseSegment):
    """A span, seen through the segment interface Tracer and upstream code use."""

    def __init__(self, span: Any) -> None:
        self.span = span

    def close(self, end_time: int | None = None) -> None:
        self.span.end(end_time=None if end_time is None else int(end_time * 1e9))

    def add_subsegment(self, subsegment: Any) -> None:
        """No-op: spans find their parent through the active context."""

    def remove_subsegment(self, subsegment: Any) -> None:
        """No-op: spans find their parent through the active context."""

    def put_annotation(self, key: str, value: AnnotationValue) -> None:
        _annotate(self.span, key, value)

    def put_metadata(self, key: str, value: Any, namespace: str = "default") -> None:
        _set_metadata(self.span, key, value, namespace)

    def add_exception(
        self, exception: BaseException, stack: list[traceback.FrameSummary], remote: bool = False
    ) -> None:
        from opentelemetry.trace import Status, StatusCode

        self.span.record_exception(exception)
        self.span.set_status(Status(StatusCode.ERROR, f"{type(exception).__name__}: {exception}"))


class OpenTelemetryProvider(BaseProvider):
    """Tracer backend on the OpenTelemetry API.

    ``tracer_provider`` defaults to the globally registered one (set by your OTel
    setup or the ADOT Lambda layer).
    """

    def __init__(self, tracer_provider: Any = None, instrumentation_name: str = "powertools.tracer") -> None:
        try:
            from opentelemetry import trace
        except ImportError as exc:
            raise MissingDependencyError("OpenTelemetryProvider", "opentelemetry-sdk") from exc
        from powertools.tracer import __version__

        self._trace = trace
        self.tracer = trace.get_tracer(instrumentation_name, __version__, tracer_provider=tracer_provider)

    @contextmanager
    def in_subsegment(self, name: str | None = None, **kwargs: Any) -> Iterator[OpenTelemetrySegment]:
        with self.tracer.start_as_current_span(name or "subsegment", **kwargs) as span:
            yield OpenTelemetrySegment(span)

    @asynccontextmanager
    async def in_subsegment_async(self, name: str | None = None, **kwargs: Any) -> AsyncIterator[OpenTelemetrySegment]:
        # The OTel context lives in contextvars, so concurrent tasks keep separate parents.
        with self.tracer.start_as_current_span(name or "subsegment", **kwargs) as span:
            yield OpenTelemetrySegment(span)

    def put_annotation(self, key: str, value: AnnotationValue) -> None:
        _annotate(self._trace.get_current_span(), key, value)

    def put_metadata(self, key: str, value: Any, namespace: str = "default") -> None:
        _set_metadata(self._trace.get_current_span(), key, value, namespace)

    def patch(self, modules: Sequence[str]) -> None:
        # Library instrumentation in OTel comes from opentelemetry-instrumentation-* packages.
        logger.debug("OpenTelemetryProvider doesn't patch %s; use opentelemetry-instrumentation packages", modules)

    def patch_all(self) -> None:
        logger.debug("OpenTelemetryProvider doesn't patch libraries; use opentelemetry-instrumentation packages")

    def encode_metadata(self, value: Any) -> Any:
        """Attribute values: str/bool/int/float as they are, exceptions as ``Type: message``, the rest JSON."""
        if isinstance(value, _PRIMITIVES):
            return value
        if isinstance(value, BaseException):
            return f"{type(value).__name__}: {value}"
        return json_text(value)


def _annotate(span: Any, key: str, value: AnnotationValue) -> None:
    span.set_attribute(key, value)
    existing = getattr(span, "attributes", None) or {}
    listed = tuple(existing.get(XRAY_ANNOTATIONS_ATTRIBUTE, ()))
    if key not in listed:
        span.set_attribute(XRAY_ANNOTATIONS_ATTRIBUTE, (*listed, key))


def _set_metadata(span: Any, key: str, value: Any, namespace: str) -> None:
    if not isinstance(value, _PRIMITIVES):
        from powertools.common.encoder import dumps

        value = dumps(value)
    span.set_attribute(f"{namespace}.{key}" if namespace else key, value)
