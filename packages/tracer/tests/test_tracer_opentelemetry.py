"""The OpenTelemetry provider emits the same tree, annotations and errors as X-Ray."""

from __future__ import annotations

import asyncio

import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode

from powertools.tracer import OpenTelemetryProvider, Tracer

PREFIX = __name__


@pytest.fixture
def exporter() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
def tracer(exporter: InMemorySpanExporter) -> Tracer:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return Tracer(service="orders", disabled=False, provider=OpenTelemetryProvider(tracer_provider=provider))


def spans_by_name(exporter: InMemorySpanExporter) -> dict:
    return {span.name: span for span in exporter.get_finished_spans()}


def test_handler_and_method_spans(tracer, exporter):
    @tracer.capture_method
    def get_order(order_id: str) -> dict:
        tracer.put_annotation("OrderId", order_id)
        tracer.put_metadata("lookup", {"cache": "miss"})
        return {"id": order_id}

    @tracer.capture_lambda_handler
    def handler(event, context):
        return get_order("o-1")

    assert handler({}, None) == {"id": "o-1"}
    assert handler({}, None) == {"id": "o-1"}

    first_handler, *_ = (s for s in exporter.get_finished_spans() if s.name == "## handler")
    method_name = f"{PREFIX}.test_handler_and_method_spans.locals.get_order"
    spans = spans_by_name(exporter)
    method, last_handler = spans[f"## {method_name}"], spans["## handler"]

    assert dict(first_handler.attributes) == {
        "ColdStart": True,
        "Service": "orders",
        "aws.xray.annotations": ("ColdStart", "Service"),
        "orders.handler response": '{"id":"o-1"}',
    }
    assert last_handler.attributes["ColdStart"] is False
    assert dict(method.attributes) == {
        "OrderId": "o-1",
        "aws.xray.annotations": ("OrderId",),
        "orders.lookup": '{"cache":"miss"}',
        f"orders.{method_name} response": '{"id":"o-1"}',
    }
    assert method.parent.span_id == last_handler.context.span_id
    assert method.context.trace_id == last_handler.context.trace_id
    assert last_handler.status.status_code is StatusCode.UNSET


def test_errors_become_exception_events_with_error_status(tracer, exporter):
    @tracer.capture_lambda_handler
    def handler(event, context):
        raise ValueError("bad order")

    with pytest.raises(ValueError):
        handler({}, None)
    (span,) = exporter.get_finished_spans()
    assert span.status.status_code is StatusCode.ERROR
    (event,) = span.events
    assert event.name == "exception"
    assert event.attributes["exception.type"] == "ValueError"
    assert event.attributes["exception.message"] == "bad order"
    assert span.attributes["orders.handler error"] == "ValueError: bad order"


def test_concurrent_async_methods_keep_their_own_parents(tracer, exporter):
    # The case X-Ray's SDK can't handle (upstream docs warn about it): OTel context is per task.
    @tracer.capture_method
    async def leaf(n: int) -> int:
        await asyncio.sleep(0)
        return n

    @tracer.capture_method
    async def branch(n: int) -> int:
        return await leaf(n)

    async def main() -> list[int]:
        return list(await asyncio.gather(branch(1), branch(2)))

    assert asyncio.run(main()) == [1, 2]
    spans = exporter.get_finished_spans()
    branches = {s.context.span_id: s for s in spans if s.name.endswith("branch")}
    leaves = [s for s in spans if s.name.endswith("leaf")]
    assert len(branches) == 2
    assert len(leaves) == 2
    results = {leaf.attributes[f"orders.{leaf.name[3:]} response"] for leaf in leaves}  # numbers stay numbers
    assert results == {1, 2}
    assert {leaf.parent.span_id for leaf in leaves} == set(branches)


def test_generator_and_escape_hatch(tracer, exporter):
    @tracer.capture_method
    def items():
        yield "a"
        yield "b"

    with tracer.provider.in_subsegment("## manual") as segment:
        segment.put_annotation("Manual", True)
        assert list(items()) == ["a", "b"]

    spans = spans_by_name(exporter)
    assert spans[f"## {PREFIX}.test_generator_and_escape_hatch.locals.items"].parent.span_id == (
        spans["## manual"].context.span_id
    )
    assert spans["## manual"].attributes["Manual"] is True
