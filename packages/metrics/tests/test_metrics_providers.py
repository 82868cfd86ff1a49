"""The provider interface, and the Datadog provider's output."""

from __future__ import annotations

import json
import sys
import types
from typing import Any

import pytest

from powertools.common.typing import LocalLambdaContext
from powertools.metrics import SchemaValidationError
from powertools.metrics.provider import BaseProvider
from powertools.metrics.provider.datadog import DatadogDataValidationWarning, DatadogMetrics, DatadogProvider


def lines(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_datadog_metrics_print_one_forwarder_line_per_metric(capsys, frozen_clock):
    metrics = DatadogMetrics(namespace="shop", default_tags={"env": "prod"})

    @metrics.log_metrics(capture_cold_start_metric=True)
    def handler(event, context):
        metrics.add_metric(name="orders", value=2, product="latte", env="staging")
        metrics.add_metric(name="order_value", value=12.45, timestamp=1_795_900_000)

    handler({}, LocalLambdaContext(function_name="orders-fn"))
    handler({}, LocalLambdaContext(function_name="orders-fn"))

    now = frozen_clock // 1000
    invocation = [
        {"m": "shop.orders", "v": 2, "e": now, "t": ["env:staging", "product:latte"]},
        {"m": "shop.order_value", "v": 12.45, "e": 1_795_900_000, "t": ["env:prod"]},
    ]
    cold_start = {"m": "shop.ColdStart", "v": 1, "e": now, "t": ["env:prod", "function_name:orders-fn"]}
    assert lines(capsys) == [cold_start, *invocation, *invocation]


def test_datadog_default_namespace_leaves_names_unprefixed(capsys, frozen_clock):
    metrics = DatadogMetrics()
    metrics.add_metric(name="requests", value=1)
    metrics.flush_metrics()
    assert lines(capsys) == [{"m": "requests", "v": 1, "e": frozen_clock // 1000, "t": []}]


def test_datadog_submits_through_the_extension_when_the_layer_is_present(capsys, monkeypatch, frozen_clock):
    # No emulator exists for the Datadog extension: a stand-in datadog_lambda module records submissions.
    submitted: list[dict[str, Any]] = []
    module = types.ModuleType("datadog_lambda.metric")
    module.lambda_metric = lambda **kwargs: submitted.append(kwargs)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "datadog_lambda", types.ModuleType("datadog_lambda"))
    monkeypatch.setitem(sys.modules, "datadog_lambda.metric", module)

    metrics = DatadogMetrics(namespace="shop")
    metrics.add_metric(name="orders", value=1, channel="web")
    metrics.flush_metrics()
    assert submitted == [{"metric_name": "shop.orders", "value": 1, "timestamp": frozen_clock // 1000,
                          "tags": ["channel:web"]}]  # fmt: skip
    assert capsys.readouterr().out == ""

    monkeypatch.setenv("DD_FLUSH_TO_LOG", "true")
    flushed_to_log = DatadogMetrics(namespace="shop")
    flushed_to_log.add_metric(name="orders", value=1)
    flushed_to_log.flush_metrics()
    assert len(submitted) == 1
    assert lines(capsys) == [{"m": "shop.orders", "v": 1, "e": frozen_clock // 1000, "t": []}]


@pytest.mark.parametrize("name", ["1orders", "orders-total", "", "x" * 201, "naïve"])
def test_datadog_rejects_invalid_metric_names(name):
    with pytest.raises(SchemaValidationError, match="Invalid metric name"):
        DatadogProvider().add_metric(name=name, value=1)


def test_datadog_warns_on_tags_it_would_drop():
    with pytest.warns(DatadogDataValidationWarning, match="Invalid tag '1env:prod'"):
        DatadogProvider().add_metric(name="orders", value=1, **{"1env": "prod"})


def test_datadog_empty_flush_warns_or_raises():
    metrics = DatadogMetrics()
    with pytest.warns(UserWarning, match="No application metrics to publish"):
        metrics.flush_metrics()
    with pytest.raises(SchemaValidationError, match="Must contain at least one metric"):
        metrics.flush_metrics(raise_on_empty_metrics=True)


class InMemoryProvider(BaseProvider):
    """A backend written against the provider interface: it keeps what it publishes."""

    def __init__(self) -> None:
        self.pending: list[tuple[str, float]] = []
        self.published: list[list[tuple[str, float]]] = []

    def add_metric(self, name: str, value: float) -> None:
        self.pending.append((name, value))

    def serialize_metric_set(self) -> list[tuple[str, float]]:
        return list(self.pending)

    def flush_metrics(self, raise_on_empty_metrics: bool = False) -> None:
        self.published.append(self.serialize_metric_set())
        self.clear_metrics()

    def clear_metrics(self) -> None:
        self.pending.clear()

    def add_cold_start_metric(self, context: Any) -> None:
        self.add_metric(f"ColdStart:{context.function_name}", 1)


def test_a_custom_provider_gets_log_metrics_and_cold_start_from_the_base_class():
    provider = InMemoryProvider()

    @provider.log_metrics(capture_cold_start_metric=True)
    def handler(event, context):
        provider.add_metric("orders", event["orders"])
        return "done"

    assert handler({"orders": 3}, LocalLambdaContext(function_name="fn")) == "done"
    assert handler({"orders": 4}, LocalLambdaContext(function_name="fn")) == "done"
    assert provider.published == [[("ColdStart:fn", 1), ("orders", 3)], [("orders", 4)]]


def test_a_provider_must_implement_the_whole_interface():
    class Incomplete(BaseProvider):
        def add_metric(self, *args: Any, **kwargs: Any) -> None: ...

    with pytest.raises(TypeError, match="abstract"):
        Incomplete()  # type: ignore[abstract]


def test_datadog_namespace_is_settable_as_upstream(capsys, frozen_clock):
    metrics = DatadogMetrics()
    metrics.namespace = "checkout"
    metrics.add_metric(name="orders", value=1)
    metrics.flush_metrics()
    assert metrics.namespace == "checkout"
    assert '"m":"checkout.orders"' in capsys.readouterr().out
