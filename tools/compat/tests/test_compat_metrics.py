"""Metrics: the same user code prints the same EMF documents under both import paths.

Documents are compared whole; only ``_aws.Timestamp`` (the clock) is checked to be a recent
epoch-millisecond integer and replaced, except where the scenario sets it explicitly.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable
from typing import Any

import pytest

from tools.compat.harness import (
    FLAVOURS,
    OURS,
    Flavour,
    SimpleLambdaContext,
    captured_stdout,
    read_json_documents,
    reset_metrics_state,
)

Documents = list[dict[str, Any]]
Scenario = Callable[[Flavour], Any]


def _normalise(document: dict[str, Any], started_ms: int) -> dict[str, Any]:
    timestamp = document["_aws"]["Timestamp"]
    assert isinstance(timestamp, int)
    assert started_ms - 1000 <= timestamp <= int(time.time() * 1000) + 1000, timestamp
    return {**document, "_aws": {**document["_aws"], "Timestamp": "<ts>"}}


def run(scenario: Scenario, *, keep_timestamp: bool = False) -> dict[str, tuple[Documents, Any]]:
    """Per flavour: (EMF documents printed, the scenario's return value or raised error)."""
    results: dict[str, tuple[Documents, Any]] = {}
    for flavour in FLAVOURS:
        reset_metrics_state(flavour)
        started_ms = int(time.time() * 1000)
        outcome: Any
        with captured_stdout() as out, warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                outcome = scenario(flavour)
            except Exception as exc:
                outcome = exc
        reset_metrics_state(flavour)
        documents = read_json_documents(out.getvalue())
        if not keep_timestamp:
            documents = [_normalise(d, started_ms) for d in documents]
        outcome = (outcome, [(w.category.__name__, str(w.message)) for w in caught])
        results[flavour.name] = (documents, outcome)
    return results


def assert_same(scenario: Scenario, **options: bool) -> Documents:
    results = run(scenario, **options)
    upstream, ours = results["upstream"], results["ours"]
    assert ours[0] == upstream[0]
    assert [list(d) for d in ours[0]] == [list(d) for d in upstream[0]], "member order"
    assert ours[1] == upstream[1], "return value / warnings"
    return upstream[0]


def error_of(scenario: Scenario) -> dict[str, tuple[str, str, bool]]:
    """Per flavour: (error class, message, is it the flavour's own class of that name)."""
    results = {}
    for flavour in FLAVOURS:
        reset_metrics_state(flavour)
        with captured_stdout(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with pytest.raises(Exception) as info:
                scenario(flavour)
        reset_metrics_state(flavour)
        own = getattr(flavour.metrics, type(info.value).__name__, None)
        results[flavour.name] = (type(info.value).__name__, str(info.value), own is type(info.value))
    return results


# --- scenarios ---------------------------------------------------------------------------


def single(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics(namespace="Compat", service="orders")
    metrics.add_metric(name="Placed", unit=pt.metrics.MetricUnit.Count, value=1)
    metrics.add_dimension(name="region", value="eu")
    metrics.add_metadata(key="order_id", value="o-1")
    metrics.flush_metrics()


def multi_value(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics(namespace="Compat", service="orders")
    for value in (1, 2.5, 3):
        metrics.add_metric(name="Latency", unit=pt.metrics.MetricUnit.Milliseconds, value=value)
    metrics.add_metric(name="Bytes", unit="Bytes", value=10)
    metrics.flush_metrics()


def high_resolution(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics(namespace="Compat", service="orders")
    metrics.add_metric(name="Fast", unit="Count", value=1, resolution=pt.metrics.MetricResolution.High)
    metrics.add_metric(name="Slow", unit="Count", value=1, resolution=60)
    metrics.add_metric(name="FastInt", unit="Seconds", value=0.5, resolution=1)
    metrics.flush_metrics()


def default_dimensions(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics(namespace="Compat", service="orders")
    metrics.set_default_dimensions(environment="prod", tier=3)

    @metrics.log_metrics
    def handler(event: dict[str, Any], context: Any) -> str:
        metrics.add_dimension(name="per_call", value=str(event["n"]))
        metrics.add_metric(name="Handled", unit="Count", value=event["n"])
        return "done"

    handler({"n": 1}, SimpleLambdaContext())
    handler({"n": 2}, SimpleLambdaContext())
    metrics.clear_default_dimensions()
    metrics.add_metric(name="AfterClear", unit="Count", value=1)
    metrics.flush_metrics()


def log_metrics_decorator_defaults(pt: Flavour) -> str:
    metrics = pt.metrics.Metrics(namespace="Compat", service="orders")

    @metrics.log_metrics(default_dimensions={"stage": "beta"})
    def handler(event: dict[str, Any], context: Any) -> str:
        metrics.add_metric(name="Handled", unit="Count", value=1)
        return "done"

    return handler({}, SimpleLambdaContext())


def cold_start(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics(namespace="Compat", service="orders")

    @metrics.log_metrics(capture_cold_start_metric=True)
    def handler(event: dict[str, Any], context: Any) -> None:
        metrics.add_metric(name="Handled", unit="Count", value=1)

    handler({}, SimpleLambdaContext())
    handler({}, SimpleLambdaContext())  # warm: no ColdStart


def cold_start_function_name(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics(namespace="Compat", service="orders", function_name="explicit-fn")

    @metrics.log_metrics(capture_cold_start_metric=True)
    def handler(event: dict[str, Any], context: Any) -> None:
        metrics.add_metric(name="Handled", unit="Count", value=1)

    handler({}, SimpleLambdaContext())


def hundred_fifty_metrics(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics(namespace="Compat", service="orders")
    for index in range(150):
        metrics.add_metric(name=f"Metric{index}", unit="Count", value=index)
    metrics.flush_metrics()


def hundred_values_one_metric(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics(namespace="Compat", service="orders")
    for index in range(150):
        metrics.add_metric(name="Repeated", unit="Count", value=index)
    metrics.flush_metrics()


def single_metric(pt: Flavour) -> None:
    with pt.metrics.single_metric(
        name="Single", unit="Count", value=1, namespace="Compat", default_dimensions={"env": "prod"}
    ) as metric:
        metric.add_dimension(name="extra", value="x")
    with pt.metrics.single_metric(name="Hi", unit="Count", value=2, namespace="Compat", resolution=1) as metric:
        metric.add_metadata(key="note", value={"nested": [1, 2]})


def ephemeral(pt: Flavour) -> None:
    metrics = pt.metrics.EphemeralMetrics(namespace="Compat", service="isolated")
    metrics.add_metric(name="Own", unit="Count", value=1)
    metrics.flush_metrics()


def shared_state(pt: Flavour) -> None:
    first = pt.metrics.Metrics(namespace="Compat", service="orders")
    second = pt.metrics.Metrics(namespace="Compat", service="orders")
    first.add_metric(name="FromFirst", unit="Count", value=1)
    second.add_metric(name="FromSecond", unit="Count", value=2)
    second.flush_metrics()
    first.flush_metrics()  # nothing left: warns


def env_namespace(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics()
    metrics.add_metric(name="FromEnv", unit="Count", value=1)
    metrics.flush_metrics()


def empty_flush_warns(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics(namespace="Compat", service="orders")
    metrics.flush_metrics()


# One stamp for both flavours: computing it per flavour made the documents differ by a millisecond.
EXPLICIT_STAMP_MS = int(time.time() * 1000) - 60_000


def explicit_timestamp(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics(namespace="Compat", service="orders")
    metrics.set_timestamp(EXPLICIT_STAMP_MS)
    metrics.add_metric(name="Stamped", unit="Count", value=1)
    metrics.flush_metrics()
    return


def serialize_without_flush(pt: Flavour) -> dict[str, Any]:
    metrics = pt.metrics.Metrics(namespace="Compat", service="orders")
    metrics.add_metric(name="Serialized", unit="Count", value=1)
    metrics.add_dimension(name="d", value="v")
    document: dict[str, Any] = metrics.serialize_metric_set()
    document["_aws"]["Timestamp"] = "<ts>"
    return document


SCENARIOS: dict[str, Scenario] = {
    "single": single,
    "multi_value": multi_value,
    "high_resolution": high_resolution,
    "default_dimensions": default_dimensions,
    "log_metrics_decorator_defaults": log_metrics_decorator_defaults,
    "cold_start": cold_start,
    "cold_start_function_name": cold_start_function_name,
    "hundred_fifty_metrics": hundred_fifty_metrics,
    "hundred_values_one_metric": hundred_values_one_metric,
    "single_metric": single_metric,
    "ephemeral": ephemeral,
    "shared_state": shared_state,
    "empty_flush_warns": empty_flush_warns,
    "serialize_without_flush": serialize_without_flush,
}


@pytest.mark.parametrize("name", SCENARIOS)
def test_documents_equal(name: str) -> None:
    assert_same(SCENARIOS[name])


def test_namespace_and_service_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_METRICS_NAMESPACE", "EnvNamespace")
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", "env-service")
    documents = assert_same(env_namespace)
    assert documents[0]["service"] == "env-service"


def test_metrics_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_METRICS_DISABLED", "true")
    assert assert_same(single) == []


def test_explicit_timestamp() -> None:
    documents = assert_same(explicit_timestamp, keep_timestamp=True)
    assert documents[0]["_aws"]["Timestamp"] == EXPLICIT_STAMP_MS


# --- errors for the documented limits ----------------------------------------------------


def too_many_dimensions(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics(namespace="Compat")
    for index in range(30):
        metrics.add_dimension(name=f"d{index}", value="v")


def invalid_unit(pt: Flavour) -> None:
    pt.metrics.Metrics(namespace="Compat").add_metric(name="M", unit="Parsecs", value=1)


def invalid_resolution(pt: Flavour) -> None:
    pt.metrics.Metrics(namespace="Compat").add_metric(name="M", unit="Count", value=1, resolution=30)


def invalid_value(pt: Flavour) -> None:
    pt.metrics.Metrics(namespace="Compat").add_metric(name="M", unit="Count", value="one")


def no_namespace(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics()
    metrics.add_metric(name="M", unit="Count", value=1)
    metrics.flush_metrics()


def raise_on_empty(pt: Flavour) -> None:
    pt.metrics.Metrics(namespace="Compat").flush_metrics(raise_on_empty_metrics=True)


def raise_on_empty_decorator(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics(namespace="Compat")

    @metrics.log_metrics(raise_on_empty_metrics=True)
    def handler(event: dict[str, Any], context: Any) -> None:
        return None

    handler({}, SimpleLambdaContext())


def single_metric_without_namespace(pt: Flavour) -> None:
    with pt.metrics.single_metric(name="M", unit="Count", value=1):
        pass


ERRORS: dict[str, Scenario] = {
    "too_many_dimensions": too_many_dimensions,
    "invalid_unit": invalid_unit,
    "invalid_resolution": invalid_resolution,
    "invalid_value": invalid_value,
    "no_namespace": no_namespace,
    "raise_on_empty": raise_on_empty,
    "raise_on_empty_decorator": raise_on_empty_decorator,
    "single_metric_without_namespace": single_metric_without_namespace,
}


@pytest.mark.parametrize("name", ERRORS)
def test_error_types_correspond(name: str) -> None:
    errors = error_of(ERRORS[name])
    assert errors["ours"][0] == errors["upstream"][0]
    assert errors["upstream"][2], "raised class is exported under that name"
    assert errors["ours"][2], "raised class is exported under that name"


# Documented: packages/metrics/README.md, "Differences from upstream" — "Error messages add the
# metric name and how to fix it": ours is upstream's message word for word, then " (metric 'M'; ...)"
# or, for the namespace, " Pass namespace= or set POWERTOOLS_METRICS_NAMESPACE.".
EXTENDED_MESSAGES: dict[str, str] = {
    "invalid_unit": " (metric 'M'; use a MetricUnit member, its name or its CloudWatch value such as 'Count/Second')",
    "invalid_resolution": " (metric 'M'; use MetricResolution.Standard (60) or MetricResolution.High (1))",
    "invalid_value": " (metric 'M'; pass an int or a float)",
    "no_namespace": " Pass namespace= or set POWERTOOLS_METRICS_NAMESPACE.",
    "single_metric_without_namespace": " Pass namespace= or set POWERTOOLS_METRICS_NAMESPACE.",
}


@pytest.mark.parametrize("name", ERRORS)
def test_error_messages_equal(name: str) -> None:
    errors = error_of(ERRORS[name])
    if name in EXTENDED_MESSAGES:
        assert errors["ours"][1] == errors["upstream"][1] + EXTENDED_MESSAGES[name]
    else:
        assert errors["ours"][1] == errors["upstream"][1]


# --- documented differences (packages/metrics/README.md, "Differences from upstream") -----


def cold_start_with_default_dimensions(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics(namespace="Compat", service="orders")
    metrics.set_default_dimensions(environment="prod")

    @metrics.log_metrics(capture_cold_start_metric=True)
    def handler(event: dict[str, Any], context: Any) -> None:
        metrics.add_metric(name="Handled", unit="Count", value=1)

    handler({}, SimpleLambdaContext())


def test_cold_start_carries_default_dimensions_here() -> None:
    """README: "The ColdStart metric ... carries the default dimensions too"."""
    results = run(cold_start_with_default_dimensions)
    (upstream_cold, upstream_app), (ours_cold, ours_app) = results["upstream"][0], results["ours"][0]
    assert ours_app == upstream_app
    assert upstream_cold["_aws"]["CloudWatchMetrics"][0]["Dimensions"] == [["function_name", "service"]]
    assert ours_cold["_aws"]["CloudWatchMetrics"][0]["Dimensions"] == [["environment", "function_name", "service"]]
    upstream_directive = upstream_cold["_aws"]["CloudWatchMetrics"][0]
    expected = {
        "_aws": {
            **upstream_cold["_aws"],
            "CloudWatchMetrics": [{**upstream_directive, "Dimensions": [["environment", "function_name", "service"]]}],
        },
        "environment": "prod",
        **{k: v for k, v in upstream_cold.items() if k != "_aws"},
    }
    assert ours_cold == expected


def failing_cold_invocation(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics(namespace="Compat", service="orders")

    @metrics.log_metrics(capture_cold_start_metric=True)
    def handler(event: dict[str, Any], context: Any) -> None:
        raise RuntimeError("handler failed")

    handler({}, SimpleLambdaContext())


def test_cold_start_recorded_before_a_failing_handler_here() -> None:
    """README: "The ColdStart metric is recorded before the handler runs, so a cold start whose
    invocation fails is still counted"."""
    results = run(failing_cold_invocation)
    assert results["upstream"][0] == []
    assert [d["ColdStart"] for d in results["ours"][0]] == [[1.0]]
    assert results["ours"][0][0]["function_name"] == "compat-fn"
    assert repr(results["ours"][1][0]) == repr(results["upstream"][1][0]) == "RuntimeError('handler failed')"


def second_unit(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics(namespace="Compat", service="orders")
    metrics.add_metric(name="M", unit="Count", value=1)
    metrics.add_metric(name="M", unit="Seconds", value=2)
    metrics.flush_metrics()


def test_second_unit_for_a_metric_raises_here() -> None:
    """README: "A second unit or resolution for one metric name raises (MetricUnitError)"."""
    results = run(second_unit)
    assert results["upstream"][0][0]["_aws"]["CloudWatchMetrics"][0]["Metrics"] == [{"Name": "M", "Unit": "Seconds"}]
    assert results["upstream"][0][0]["M"] == [1.0, 2.0]
    error = results["ours"][1][0]
    assert isinstance(error, OURS.metrics.MetricUnitError)


# --- telemetry never fails the invocation: #13's items ---------------------------------------


def single_metric_second_name_and_repeat(pt: Flavour) -> None:
    with pt.metrics.single_metric(name="A", unit="Count", value=1, namespace="Compat") as metric:
        metric.add_metric(name="B", unit="Count", value=2)
        metric.add_metric(name="A", unit="Count", value=3)


def service_fills_the_last_dimension(pt: Flavour) -> None:
    metrics = pt.metrics.Metrics(namespace="Compat", service="svc")
    metrics.add_metric(name="A", unit="Count", value=1)
    for index in range(28):
        metrics.add_dimension(name=f"d{index}", value="v")
    metrics.flush_metrics()


def abstract_only_provider(pt: Flavour) -> Any:
    base = pt.module("metrics", "provider").BaseProvider

    class Mine(base):  # type: ignore[misc,valid-type]
        def __init__(self) -> None:
            self.seen: list[Any] = []

        def add_metric(self, name: str, unit: Any = None, value: float = 0, *args: Any, **kwargs: Any) -> None:
            self.seen.append((name, value))

        def serialize_metric_set(self, *args: Any, **kwargs: Any) -> Any:
            return list(self.seen)

        def flush_metrics(self, raise_on_empty_metrics: bool = False) -> None:
            print(f'{{"flushed": {len(self.seen)}}}')
            self.seen.clear()

        def clear_metrics(self, *args: Any, **kwargs: Any) -> None:
            self.seen.clear()

        def add_cold_start_metric(self, context: Any) -> None:
            pass

    metrics = pt.metrics.Metrics(provider=Mine())

    @metrics.log_metrics
    def handler(event: dict[str, Any], context: Any) -> str:
        metrics.add_metric(name="Orders", unit="Count", value=1)
        return "ok"

    return handler({}, SimpleLambdaContext())


@pytest.mark.parametrize("scenario", [single_metric_second_name_and_repeat, service_fills_the_last_dimension])
def test_telemetry_edge_documents_equal(scenario: Scenario) -> None:
    assert_same(scenario)


def test_custom_provider_with_only_abstract_methods() -> None:
    results = run(abstract_only_provider, keep_timestamp=True)
    assert results["ours"] == results["upstream"]
    assert results["ours"][0] == [{"flushed": 1}]


def test_service_counts_toward_the_dimension_limit() -> None:
    def scenario(pt: Flavour) -> None:
        metrics = pt.metrics.Metrics(namespace="Compat", service="svc")
        metrics.add_metric(name="A", unit="Count", value=1)
        for index in range(29):
            metrics.add_dimension(name=f"d{index}", value="v")
        metrics.flush_metrics()

    errors = error_of(scenario)
    assert errors["ours"][:2] == errors["upstream"][:2]
    assert errors["ours"][1] == "Maximum number of dimensions exceeded (29): Unable to add dimension service."


def test_bad_timestamps_warn_with_upstreams_text_and_never_raise() -> None:
    def scenario(pt: Flavour) -> Any:
        metrics = pt.metrics.Metrics(namespace="Compat")
        metrics.add_metric(name="A", unit="Count", value=1)
        metrics.set_timestamp(int((time.time() - 30 * 86400) * 1000))
        metrics.set_timestamp("yesterday")
        return metrics.serialize_metric_set()["_aws"]["Timestamp"] > time.time() * 1000 - 60_000

    results = run(scenario)
    ours, upstream = results["ours"][1], results["upstream"][1]
    assert ours[0] is upstream[0] is True  # the last one wins, and falls back to the flush time
    assert [w[0] for w in ours[1]] == [w[0] for w in upstream[1]] == ["UserWarning", "UserWarning"]
    for (_, ours_text), (_, upstream_text) in zip(ours[1], upstream[1], strict=True):
        assert ours_text.startswith(upstream_text)  # ours adds why, in parentheses


def test_unserializable_metadata_is_a_documented_difference() -> None:
    """packages/metrics/README.md: metadata JSON can't hold is dropped with a warning; upstream raises."""

    def scenario(pt: Flavour) -> None:
        metrics = pt.metrics.Metrics(namespace="Compat")
        metrics.add_metric(name="A", unit="Count", value=1)
        metrics.add_metadata(key="kept", value="yes")
        metrics.add_metadata(key="handle", value=object())
        metrics.flush_metrics()

    results = run(scenario)
    assert isinstance(results["upstream"][1][0], TypeError)
    assert results["upstream"][0] == []
    (document,) = results["ours"][0]
    assert document["kept"] == "yes"
    assert "handle" not in document
    assert results["ours"][1][0] is None


def test_datadog_namespace_settable_in_both() -> None:
    for flavour in FLAVOURS:
        datadog = flavour.module("metrics", "provider.datadog").DatadogMetrics()
        datadog.namespace = "checkout"
        assert datadog.namespace == "checkout"
