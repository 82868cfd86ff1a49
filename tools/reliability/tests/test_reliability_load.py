"""Load and leaks: many in-process invocations of one realistic handler.

The handler uses the logger (buffered debug lines, appended keys, ``clear_state``), metrics, the
tracer (disabled), the REST resolver, validation (4 schemas), parameters (10 SSM names on moto)
and idempotency (local cache of 64 over 500 distinct orders, persistence on a real redis-server).

What must hold:
- traced memory (tracemalloc, started after a warm-up) grows by less than ``GROWTH_LIMIT`` from the
  first tenth of the measured invocations to the end;
- every buffer and cache stays within its bound at every sampled invocation: logger buffer
  (``max_bytes``, empty after each invocation, its one debug line written only when an error
  log flushes it), idempotency local cache (``local_cache_max_items``), compiled-schema cache
  (4 compiled, never recompiled), parameter cache (10 entries, 10 SDK calls in all);
- keys and context are cleared between invocations: a line logged before ``append_keys`` never
  carries the previous order, the resolver's context and the metric set are empty afterwards;
- every idempotent body ran exactly once per distinct order; every response is right.

The default run is ``RELIABILITY_LOAD_INVOCATIONS`` (10,000) invocations; the test marked
``reliability_long`` runs 100,000 (selected with ``-m reliability_long``, as ``.ci/run`` does).
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import tracemalloc
import uuid
from collections import Counter, deque
from typing import Any

import boto3
import pytest

from powertools.common.typing import LocalLambdaContext
from powertools.event_handler import APIGatewayRestResolver
from powertools.idempotency import IdempotencyConfig, RedisCachePersistenceLayer, idempotent_function
from powertools.logger import Logger
from powertools.logger.buffer import LoggerBufferConfig
from powertools.metrics import Metrics, MetricUnit
from powertools.parameters import SSMProvider
from powertools.tracer import Tracer
from powertools.validation import clear_schema_cache, schema_cache_info, validate
from tools.reliability.ledger import LEDGER

DISTINCT_ORDERS = 500
LOCAL_CACHE_ITEMS = 64
BUFFER_BYTES = 4096
PARAMETER_NAMES = 10
SAMPLE_EVERY = 97
FLAG_EVERY = 500  # every 500th order logs an error, which flushes the buffered debug line
# Traced growth allowed after the warm-up, whatever the count (100,000: under 3 B per invocation).
GROWTH_LIMIT = 256 * 1024
CLAIM = (
    f"tracemalloc growth < {GROWTH_LIMIT // 1024} KiB after warm-up; buffers/caches within bounds; "
    "keys and context cleared; each body once"
)


class Sink:
    """A bounded stand-in for stdout: counts lines, keeps the last few."""

    def __init__(self) -> None:
        self.lines = 0
        self.flushed_details = 0  # buffered debug lines written by a flush
        self.last: deque[str] = deque(maxlen=8)

    def write(self, text: str) -> int:
        for line in text.splitlines():
            self.lines += 1
            self.flushed_details += '"message":"order detail"' in line
            self.last.append(line)
        return len(text)

    def flush(self) -> None:
        pass


def api_event(order: int, kind: int) -> dict[str, Any]:
    return {
        "resource": "/orders",
        "path": "/orders",
        "httpMethod": "POST",
        "headers": {"content-type": "application/json"},
        "multiValueHeaders": {},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": None,
        "stageVariables": None,
        "requestContext": {"requestId": f"r-{order}", "stage": "prod", "path": "/prod/orders"},
        "body": json.dumps({"id": order, "kind": kind, "qty": order % DISTINCT_ORDERS % 7 + 1}),
        "isBase64Encoded": False,
    }


SCHEMAS = [
    {
        "type": "object",
        "required": ["id", "kind", "qty"],
        "properties": {"id": {"type": "integer"}, "kind": {"const": kind}, "qty": {"type": "integer", "minimum": 1}},
    }
    for kind in range(4)
]


def run_load(invocations: int, redis_client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    target = f"handler: logger+metrics+tracer+REST+validation+parameters+idempotency ({invocations:,})"
    row = LEDGER.row("load", target, CLAIM)  # listed (as failed) even if the run stops early
    monkeypatch.setenv("POWERTOOLS_TRACE_DISABLED", "1")
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", "load")
    monkeypatch.setenv("POWERTOOLS_METRICS_NAMESPACE", "Reliability")
    ssm = boto3.client("ssm")
    for n in range(PARAMETER_NAMES):
        ssm.put_parameter(Name=f"/load/p{n}", Value=f"value-{n}", Type="String")
    ssm_calls: list[str] = []
    ssm.meta.events.register("before-call.*.*", lambda model, **_: ssm_calls.append(model.name))
    provider = SSMProvider(boto3_client=ssm)
    clear_schema_cache()

    sink = Sink()
    # Loggers are per service name for the process (as upstream): a fresh name gets this sink.
    logger = Logger(
        service=f"load-{uuid.uuid4().hex[:8]}", stream=sink, buffer_config=LoggerBufferConfig(max_bytes=BUFFER_BYTES)
    )
    metrics = Metrics()
    tracer = Tracer()
    app = APIGatewayRestResolver()
    persistence = RedisCachePersistenceLayer(client=redis_client)
    config = IdempotencyConfig(use_local_cache=True, local_cache_max_items=LOCAL_CACHE_ITEMS)
    bodies: Counter[int] = Counter()

    @idempotent_function(data_keyword_argument="order", persistence_store=persistence, config=config)
    def charge(order: dict[str, Any]) -> dict[str, Any]:
        bodies[order["id"]] += 1
        return {"id": order["id"], "charged": order["qty"] * 3}

    @app.post("/orders")
    @tracer.capture_method
    def create_order() -> dict[str, Any]:
        order = app.current_event.json_body
        validate(event=order, schema=SCHEMAS[order["kind"]])
        logger.info("order received")  # before append_keys: must not carry the previous order
        logger.append_keys(order_id=order["id"])
        app.append_context(order_id=order["id"])
        logger.debug("order detail", extra={"qty": order["qty"]})  # buffered: written only by a flush
        if order["id"] % FLAG_EVERY == FLAG_EVERY - 1:
            logger.error("order flagged")  # flushes the buffer first (flush_on_error_log)
        region = provider.get(f"/load/p{order['id'] % PARAMETER_NAMES}", max_age=3600)
        metrics.add_metric(name="Orders", unit=MetricUnit.Count, value=1)
        metrics.add_dimension(name="kind", value=str(order["kind"]))
        result = charge(order={"id": order["id"] % DISTINCT_ORDERS, "qty": order["qty"]})
        logger.info("order charged")
        return {"result": result, "setting": region}

    @logger.inject_lambda_context(clear_state=True)
    @metrics.log_metrics
    @tracer.capture_lambda_handler
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        return app.resolve(event, context)

    context = LocalLambdaContext()
    config.register_lambda_context(context)
    warmup = min(2000, invocations // 5)
    baseline = 0
    measure_from = warmup + (invocations - warmup) // 10
    samples = 0
    with contextlib.redirect_stdout(sink):  # type: ignore[type-var]
        for i in range(invocations):
            if i == warmup:
                gc.collect()
                tracemalloc.start()
            if i == measure_from:
                gc.collect()
                baseline = tracemalloc.get_traced_memory()[0]
            order = i  # distinct order ids; the idempotency key cycles over DISTINCT_ORDERS
            response = handler(api_event(order, order % 4), context)
            if i % SAMPLE_EVERY == 0:
                samples += 1
                assert response["statusCode"] == 200, response
                body = json.loads(response["body"])
                assert body == {
                    "result": {"id": order % DISTINCT_ORDERS, "charged": (order % DISTINCT_ORDERS % 7 + 1) * 3},
                    "setting": f"value-{order % PARAMETER_NAMES}",
                }
                # clear_state clears at the start of the next invocation (as upstream): the keys
                # are still there now, and gone from that invocation's first line (checked below).
                assert logger.get_current_keys()["order_id"] == order
                assert app.context == {}
                assert metrics.metric_set == {}
                buffer = logger._buffer
                assert buffer is not None
                assert buffer.size <= BUFFER_BYTES
                assert len(buffer) == 0  # emptied at the end of every invocation
                assert len(persistence._cache) <= LOCAL_CACHE_ITEMS
                info = schema_cache_info()
                assert (info.size, info.misses, info.evictions) == (min(4, i + 1), min(4, i + 1), 0)
                assert len(provider.store) == min(PARAMETER_NAMES, i + 1)
                lines = [json.loads(line) for line in sink.last if line.startswith("{")]
                received = [line for line in lines if line.get("message") == "order received"]
                assert received
                assert "order_id" not in received[-1]
        gc.collect()
        final = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
    growth = final - baseline
    row.claim = f"{CLAIM} (measured growth: {growth:,} B)"
    row.invocations += invocations
    row.cases += samples
    print(
        f"\n{invocations:,} invocations: traced growth {growth:,} B after the warm-up "
        f"({growth / max(1, invocations - measure_from):.2f} B per invocation); {sink.lines:,} lines written"
    )
    assert growth < GROWTH_LIMIT
    assert bodies == Counter(range(min(invocations, DISTINCT_ORDERS)))  # each body once under load
    assert sorted(ssm_calls) == ["GetParameter"] * PARAMETER_NAMES
    # Three lines per invocation (two logger lines, one metrics document), and for each flagged
    # order its error line plus the one buffered debug line the error flushed.
    flagged = invocations // FLAG_EVERY
    assert sink.flushed_details == flagged
    assert sink.lines == 3 * invocations + 2 * flagged


def test_load_default(redis: Any, aws: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    run_load(int(os.environ.get("RELIABILITY_LOAD_INVOCATIONS", "10000")), redis.client(), monkeypatch)


@pytest.mark.reliability_long
def test_load_100k(redis: Any, aws: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    run_load(100_000, redis.client(), monkeypatch)
