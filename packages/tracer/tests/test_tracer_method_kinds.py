"""capture_method on coroutines, generators, context managers and their async forms."""

from __future__ import annotations

import asyncio
import contextlib

import pytest

from powertools.tracer import Tracer

PREFIX = f"## {__name__}"


def test_async_method_nested_under_async_method(lambda_env):
    tracer = Tracer(service="booking")

    @tracer.capture_method
    async def get_identity() -> dict:
        await asyncio.sleep(0)
        return {"user": "u-1"}

    @tracer.capture_method
    async def confirm() -> dict:
        identity = await get_identity()
        tracer.put_annotation("Confirmed", True)
        return {"confirmed": True, **identity}

    assert asyncio.run(confirm()) == {"confirmed": True, "user": "u-1"}

    docs = lambda_env.by_name(lambda_env.daemon.wait_for(2))
    outer = docs[f"{PREFIX}.test_async_method_nested_under_async_method.locals.confirm"]
    inner = docs[f"{PREFIX}.test_async_method_nested_under_async_method.locals.get_identity"]
    assert inner["parent_id"] == outer["id"]
    assert outer["parent_id"] == lambda_env.parent_id
    assert outer["annotations"] == {"Confirmed": True}
    assert lambda_env.stable(inner)["metadata"] == {"booking": {f"{inner['name'][3:]} response": {"user": "u-1"}}}
    assert outer["metadata"] == {"booking": {f"{outer['name'][3:]} response": {"confirmed": True, "user": "u-1"}}}


def test_async_method_error(lambda_env):
    tracer = Tracer(service="svc")

    @tracer.capture_method
    async def fails() -> None:
        raise TimeoutError("downstream slow")

    with pytest.raises(TimeoutError):
        asyncio.run(fails())
    (doc,) = lambda_env.daemon.wait_for(1)
    assert doc["fault"] is True
    assert [(e["type"], e["message"]) for e in doc["cause"]["exceptions"]] == [("TimeoutError", "downstream slow")]
    assert doc["metadata"] == {"svc": {f"{doc['name'][3:]} error": {}}}


def test_generator_subsegment_spans_the_iteration_and_records_its_return_value(lambda_env):
    tracer = Tracer(service="svc")

    @tracer.capture_method
    def pages():
        yield 1
        yield 2
        return "done"

    @tracer.capture_lambda_handler(capture_response=False)
    def handler(event, context):
        return list(pages())

    assert handler({}, None) == [1, 2]
    docs = lambda_env.by_name(lambda_env.daemon.wait_for(2))
    gen = docs[f"{PREFIX}.test_generator_subsegment_spans_the_iteration_and_records_its_return_value.locals.pages"]
    assert gen["parent_id"] == docs["## handler"]["id"]
    assert gen["metadata"] == {"svc": {f"{gen['name'][3:]} response": "done"}}


def test_generator_closed_early_is_not_a_fault(lambda_env):
    tracer = Tracer()

    @tracer.capture_method
    def numbers():
        yield from range(10)

    gen = numbers()
    assert next(gen) == 0
    gen.close()
    (doc,) = lambda_env.daemon.wait_for(1)
    assert "fault" not in doc
    assert "cause" not in doc


def test_generator_error(lambda_env):
    tracer = Tracer(service="svc")

    @tracer.capture_method
    def broken():
        yield 1
        raise RuntimeError("page 2 missing")

    with pytest.raises(RuntimeError):
        list(broken())
    (doc,) = lambda_env.daemon.wait_for(1)
    assert doc["cause"]["exceptions"][0]["message"] == "page 2 missing"
    assert set(doc["metadata"]["svc"]) == {f"{doc['name'][3:]} error"}


def test_context_manager_records_the_yielded_value(lambda_env):
    tracer = Tracer(service="svc")
    events = []

    @tracer.capture_method
    @contextlib.contextmanager
    def booking(booking_id: str):
        events.append("enter")
        yield {"booking": booking_id}
        events.append("exit")

    with booking("b-1") as value:
        assert value == {"booking": "b-1"}
    assert events == ["enter", "exit"]
    (doc,) = lambda_env.daemon.wait_for(1)
    assert doc["name"] == f"{PREFIX}.test_context_manager_records_the_yielded_value.locals.booking"
    assert doc["metadata"] == {"svc": {f"{doc['name'][3:]} response": {"booking": "b-1"}}}


def test_context_manager_body_error_is_recorded_and_reraised(lambda_env):
    tracer = Tracer(service="svc")

    @tracer.capture_method
    @contextlib.contextmanager
    def resource():
        yield "r"

    with pytest.raises(LookupError), resource():
        raise LookupError("not found")
    (doc,) = lambda_env.daemon.wait_for(1)
    assert doc["cause"]["exceptions"][0]["type"] == "LookupError"


def test_async_generator_and_async_context_manager(lambda_env):
    tracer = Tracer(service="svc")

    @tracer.capture_method
    async def stream():
        for i in range(3):
            yield i

    @tracer.capture_method
    @contextlib.asynccontextmanager
    async def connection():
        yield "conn"

    async def main() -> tuple[list[int], str]:
        items = [i async for i in stream()]
        async with connection() as conn:
            return items, conn

    assert asyncio.run(main()) == ([0, 1, 2], "conn")
    docs = lambda_env.by_name(lambda_env.daemon.wait_for(2))
    base = f"{PREFIX}.test_async_generator_and_async_context_manager.locals"
    assert "metadata" not in docs[f"{base}.stream"]  # an async generator returns nothing
    assert docs[f"{base}.connection"]["metadata"] == {"svc": {f"{base[3:]}.connection response": "conn"}}


def test_async_handler(lambda_env):
    tracer = Tracer(service="svc")

    @tracer.capture_lambda_handler
    async def handler(event, context):
        return {"async": True}

    assert asyncio.run(handler({}, None)) == {"async": True}
    (doc,) = lambda_env.daemon.wait_for(1)
    assert lambda_env.stable(doc) == {
        "name": "## handler",
        "in_progress": False,
        "annotations": {"ColdStart": True, "Service": "svc"},
        "metadata": {"svc": {"handler response": {"async": True}}},
        "type": "subsegment",
        "namespace": "local",
    }
