"""Whole EMF documents, as printed by log_metrics, flush_metrics and single_metric."""

from __future__ import annotations

import asyncio
import json
import warnings
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from powertools.common.typing import LocalLambdaContext
from powertools.metrics import EphemeralMetrics, MetricResolution, Metrics, MetricUnit, single_metric


def emf(timestamp: int, namespace: str, dimensions: list[str], metrics: list[dict[str, Any]], **members: Any) -> dict:
    """An expected EMF document."""
    return {
        "_aws": {
            "Timestamp": timestamp,
            "CloudWatchMetrics": [{"Namespace": namespace, "Dimensions": [dimensions], "Metrics": metrics}],
        },
        **members,
    }


def test_log_metrics_prints_one_document_with_dimensions_metadata_and_values(emf_out, frozen_clock, recovered):
    metrics = Metrics(namespace="ServerlessAirline", service="booking")

    @metrics.log_metrics
    def handler(event, context):
        metrics.add_dimension(name="environment", value="prod")
        metrics.add_dimension(name="region", value="eu-west-1")
        metrics.add_metric(name="SuccessfulBooking", unit=MetricUnit.Count, value=1)
        metrics.add_metric(name="BookingLatency", unit="Milliseconds", value=12.5)
        metrics.add_metadata(key="booking_id", value="b-42")
        return "ok"

    assert handler({}, LocalLambdaContext()) == "ok"

    assert emf_out.emf_documents() == [
        emf(
            frozen_clock,
            "ServerlessAirline",
            ["environment", "region", "service"],
            [{"Name": "SuccessfulBooking", "Unit": "Count"}, {"Name": "BookingLatency", "Unit": "Milliseconds"}],
            environment="prod",
            region="eu-west-1",
            service="booking",
            booking_id="b-42",
            SuccessfulBooking=[1.0],
            BookingLatency=[12.5],
        )
    ]
    dimensions = {"environment": "prod", "region": "eu-west-1", "service": "booking"}
    assert emf_out.metrics() == [
        recovered("ServerlessAirline", "SuccessfulBooking", "Count", 60, dimensions, [1.0], frozen_clock),
        recovered("ServerlessAirline", "BookingLatency", "Milliseconds", 60, dimensions, [12.5], frozen_clock),
    ]


def test_a_second_invocation_starts_from_an_empty_document(emf_out, frozen_clock):
    metrics = Metrics(namespace="Shop", service="orders")

    @metrics.log_metrics
    def handler(event, context):
        if event.get("vip"):
            metrics.add_dimension(name="tier", value="vip")
            metrics.add_metadata(key="customer", value="c-1")
        metrics.add_metric(name="Orders", unit=MetricUnit.Count, value=1)

    handler({"vip": True}, LocalLambdaContext())
    handler({}, LocalLambdaContext())

    assert emf_out.emf_documents() == [
        emf(frozen_clock, "Shop", ["tier", "service"], [{"Name": "Orders", "Unit": "Count"}],
            tier="vip", service="orders", customer="c-1", Orders=[1.0]),
        emf(frozen_clock, "Shop", ["service"], [{"Name": "Orders", "Unit": "Count"}], service="orders", Orders=[1.0]),
    ]  # fmt: skip


def test_150_metrics_make_two_documents_of_100_and_50(emf_out, frozen_clock, recovered):
    metrics = Metrics(namespace="Bulk", service="loader")
    metrics.add_dimension(name="batch", value="7")
    metrics.add_metadata(key="run", value="r-1")
    for index in range(150):
        metrics.add_metric(name=f"Metric{index}", unit=MetricUnit.Count, value=index)
    metrics.flush_metrics()

    documents = emf_out.emf_documents()
    names = [f"Metric{index}" for index in range(150)]
    assert documents == [
        emf(frozen_clock, "Bulk", ["batch", "service"], [{"Name": n, "Unit": "Count"} for n in names[:100]],
            batch="7", service="loader", run="r-1", **{n: [float(i)] for i, n in enumerate(names[:100])}),
        emf(frozen_clock, "Bulk", ["batch", "service"], [{"Name": n, "Unit": "Count"} for n in names[100:]],
            batch="7", service="loader", run="r-1", **{n: [float(i)] for i, n in enumerate(names) if i >= 100}),
    ]  # fmt: skip
    dimensions = {"batch": "7", "service": "loader"}
    assert emf_out.metrics() == [
        recovered("Bulk", name, "Count", 60, dimensions, [float(index)], frozen_clock)
        for index, name in enumerate(names)
    ]


def test_repeated_metric_names_become_multi_value_metrics(emf_out, frozen_clock, recovered):
    metrics = Metrics(namespace="Shop")
    for latency in (12, 7.5, Decimal("3.25")):
        metrics.add_metric(name="Latency", unit=MetricUnit.Milliseconds, value=latency)
    metrics.flush_metrics()

    assert emf_out.emf_documents() == [
        emf(frozen_clock, "Shop", [], [{"Name": "Latency", "Unit": "Milliseconds"}], Latency=[12.0, 7.5, 3.25])
    ]
    assert emf_out.metrics() == [recovered("Shop", "Latency", "Milliseconds", 60, {}, [12.0, 7.5, 3.25], frozen_clock)]


def test_a_metric_with_100_values_is_published_and_continues_in_a_new_document(emf_out, frozen_clock):
    metrics = Metrics(namespace="Shop")
    for value in range(130):
        metrics.add_metric(name="Items", unit=MetricUnit.Count, value=value)
    metrics.flush_metrics()

    definition = [{"Name": "Items", "Unit": "Count"}]
    assert emf_out.emf_documents() == [
        emf(frozen_clock, "Shop", [], definition, Items=[float(v) for v in range(100)]),
        emf(frozen_clock, "Shop", [], definition, Items=[float(v) for v in range(100, 130)]),
    ]


def test_high_resolution_metrics_carry_storage_resolution_and_standard_ones_do_not(emf_out, frozen_clock, recovered):
    metrics = Metrics(namespace="Trading", service="quotes")
    metrics.add_metric(name="QuoteLatency", unit=MetricUnit.Microseconds, value=850, resolution=MetricResolution.High)
    metrics.add_metric(name="Quotes", unit=MetricUnit.CountPerSecond, value=40, resolution=1)
    metrics.add_metric(name="Errors", unit=MetricUnit.Count, value=0, resolution=MetricResolution.Standard)
    metrics.flush_metrics()

    assert emf_out.emf_documents() == [
        emf(
            frozen_clock,
            "Trading",
            ["service"],
            [
                {"Name": "QuoteLatency", "Unit": "Microseconds", "StorageResolution": 1},
                {"Name": "Quotes", "Unit": "Count/Second", "StorageResolution": 1},
                {"Name": "Errors", "Unit": "Count"},
            ],
            service="quotes",
            QuoteLatency=[850.0],
            Quotes=[40.0],
            Errors=[0.0],
        )
    ]
    assert [(m.name, m.unit, m.resolution) for m in emf_out.metrics()] == [
        ("QuoteLatency", "Microseconds", 1),
        ("Quotes", "Count/Second", 1),
        ("Errors", "Count", 60),
    ]


def test_units_accept_enum_value_and_member_name(emf_out, frozen_clock):
    metrics = Metrics(namespace="Net")
    metrics.add_metric(name="A", unit=MetricUnit.BytesPerSecond, value=1)
    metrics.add_metric(name="B", unit="Bytes/Second", value=1)
    metrics.add_metric(name="C", unit="BytesPerSecond", value=1)
    metrics.flush_metrics()

    [document] = emf_out.emf_documents()
    assert document["_aws"]["CloudWatchMetrics"][0]["Metrics"] == [
        {"Name": name, "Unit": "Bytes/Second"} for name in "ABC"
    ]


def test_cold_start_metric_is_published_once_per_sandbox_in_its_own_document(emf_out, frozen_clock, recovered):
    metrics = Metrics(namespace="ServerlessAirline", service="booking")
    context = LocalLambdaContext(function_name="book-flight")

    @metrics.log_metrics(capture_cold_start_metric=True)
    def handler(event, context):
        metrics.add_metric(name="Bookings", unit=MetricUnit.Count, value=1)

    handler({}, context)
    handler({}, context)

    cold_start = [{"Name": "ColdStart", "Unit": "Count"}]
    cold = emf(frozen_clock, "ServerlessAirline", ["function_name", "service"], cold_start,
               function_name="book-flight", service="booking", ColdStart=[1.0])  # fmt: skip
    bookings = emf(frozen_clock, "ServerlessAirline", ["service"], [{"Name": "Bookings", "Unit": "Count"}],
                   service="booking", Bookings=[1.0])  # fmt: skip
    assert emf_out.emf_documents() == [cold, bookings, bookings]
    assert [m.name for m in emf_out.metrics()] == ["ColdStart", "Bookings", "Bookings"]
    assert emf_out.metrics()[0] == recovered(
        "ServerlessAirline", "ColdStart", "Count", 60, {"function_name": "book-flight", "service": "booking"},
        [1.0], frozen_clock,
    )  # fmt: skip


def test_cold_start_is_shared_by_every_metrics_instance_and_counts_a_failed_invocation(emf_out, frozen_clock):
    first, second = Metrics(namespace="A"), EphemeralMetrics(namespace="B")

    @first.log_metrics(capture_cold_start_metric=True)
    def failing(event, context):
        raise RuntimeError("boom")

    @second.log_metrics(capture_cold_start_metric=True)
    def other(event, context):
        second.add_metric(name="Work", unit=MetricUnit.Count, value=1)

    with (
        pytest.warns(UserWarning, match="No application metrics to publish"),
        pytest.raises(RuntimeError, match="boom"),
    ):
        failing({}, LocalLambdaContext(function_name="fn"))
    other({}, LocalLambdaContext(function_name="fn"))

    assert [(d["_aws"]["CloudWatchMetrics"][0]["Namespace"], list(d)[-1]) for d in emf_out.emf_documents()] == [
        ("A", "ColdStart"),
        ("B", "Work"),
    ]


def test_cold_start_includes_default_dimensions_and_the_configured_function_name(emf_out, frozen_clock, monkeypatch):
    monkeypatch.setenv("POWERTOOLS_METRICS_FUNCTION_NAME", "checkout-prod")
    metrics = Metrics(namespace="Shop", service="checkout")

    @metrics.log_metrics(capture_cold_start_metric=True, default_dimensions={"environment": "prod"})
    def handler(event, context):
        metrics.add_metric(name="Checkouts", unit=MetricUnit.Count, value=1)

    handler({}, LocalLambdaContext(function_name="ignored-because-configured"))

    assert emf_out.emf_documents() == [
        emf(frozen_clock, "Shop", ["environment", "function_name", "service"], [{"Name": "ColdStart", "Unit": "Count"}],
            environment="prod", function_name="checkout-prod", service="checkout", ColdStart=[1.0]),
        emf(frozen_clock, "Shop", ["environment", "service"], [{"Name": "Checkouts", "Unit": "Count"}],
            environment="prod", service="checkout", Checkouts=[1.0]),
    ]  # fmt: skip


def test_async_handlers_are_flushed_after_they_complete(emf_out, frozen_clock):
    metrics = Metrics(namespace="Async", service="jobs")

    @metrics.log_metrics(capture_cold_start_metric=True)
    async def handler(event, context):
        await asyncio.sleep(0)
        metrics.add_metric(name="Jobs", unit=MetricUnit.Count, value=event["jobs"])
        return {"done": event["jobs"]}

    assert asyncio.run(handler({"jobs": 3}, LocalLambdaContext(function_name="jobs-fn"))) == {"done": 3}

    assert emf_out.emf_documents() == [
        emf(frozen_clock, "Async", ["function_name", "service"], [{"Name": "ColdStart", "Unit": "Count"}],
            function_name="jobs-fn", service="jobs", ColdStart=[1.0]),
        emf(frozen_clock, "Async", ["service"], [{"Name": "Jobs", "Unit": "Count"}], service="jobs", Jobs=[3.0]),
    ]  # fmt: skip


def test_a_failing_handler_still_publishes_its_metrics_and_raises(emf_out, frozen_clock):
    metrics = Metrics(namespace="Shop")

    @metrics.log_metrics
    def handler(event, context):
        metrics.add_metric(name="Attempts", unit=MetricUnit.Count, value=1)
        raise ValueError("payment declined")

    with pytest.raises(ValueError, match="payment declined"):
        handler({}, LocalLambdaContext())

    assert emf_out.emf_documents() == [emf(frozen_clock, "Shop", [], [{"Name": "Attempts", "Unit": "Count"}],
                                           Attempts=[1.0])]  # fmt: skip


def test_metrics_instances_share_state_and_ephemeral_metrics_do_not(emf_out, frozen_clock):
    in_handler, in_helper = Metrics(namespace="Shop"), Metrics(namespace="Shop")
    isolated = EphemeralMetrics(namespace="Audit")
    in_helper.add_dimension(name="source", value="helper")
    in_helper.add_metric(name="FromHelper", unit=MetricUnit.Count, value=1)
    isolated.add_metric(name="AuditEvents", unit=MetricUnit.Count, value=2)
    in_handler.add_metric(name="FromHandler", unit=MetricUnit.Count, value=1)
    in_handler.flush_metrics()
    isolated.flush_metrics()

    assert emf_out.emf_documents() == [
        emf(frozen_clock, "Shop", ["source"],
            [{"Name": "FromHelper", "Unit": "Count"}, {"Name": "FromHandler", "Unit": "Count"}],
            source="helper", FromHelper=[1.0], FromHandler=[1.0]),
        emf(frozen_clock, "Audit", [], [{"Name": "AuditEvents", "Unit": "Count"}], AuditEvents=[2.0]),
    ]  # fmt: skip


def test_default_dimensions_persist_across_invocations_until_cleared(emf_out, frozen_clock):
    metrics = Metrics(namespace="Shop", service="cart")
    metrics.set_default_dimensions(environment="prod", tenant=7)

    @metrics.log_metrics
    def handler(event, context):
        metrics.add_metric(name="Adds", unit=MetricUnit.Count, value=1)

    handler({}, LocalLambdaContext())
    metrics.clear_default_dimensions()
    handler({}, LocalLambdaContext())  # still carries them: cleared defaults apply from the next document
    handler({}, LocalLambdaContext())

    definition = [{"Name": "Adds", "Unit": "Count"}]
    with_defaults = emf(frozen_clock, "Shop", ["environment", "tenant", "service"], definition,
                        environment="prod", tenant="7", service="cart", Adds=[1.0])  # fmt: skip
    without = emf(frozen_clock, "Shop", ["service"], definition, service="cart", Adds=[1.0])
    assert emf_out.emf_documents() == [with_defaults, with_defaults, without]


def test_set_timestamp_dates_one_document_only(emf_out, frozen_clock):
    metrics = Metrics(namespace="Backfill")
    an_hour_ago = datetime.fromtimestamp(frozen_clock / 1000, tz=timezone.utc) - timedelta(hours=1)
    metrics.set_timestamp(an_hour_ago)
    metrics.add_metric(name="Rows", unit=MetricUnit.Count, value=10)
    metrics.flush_metrics()
    metrics.set_timestamp(frozen_clock - 1000)
    metrics.add_metric(name="Rows", unit=MetricUnit.Count, value=20)
    metrics.flush_metrics()
    metrics.add_metric(name="Rows", unit=MetricUnit.Count, value=30)
    metrics.flush_metrics()

    assert [d["_aws"]["Timestamp"] for d in emf_out.emf_documents()] == [
        frozen_clock - 3_600_000,
        frozen_clock - 1000,
        frozen_clock,
    ]


def test_single_metric_publishes_its_own_document_with_its_own_dimensions(emf_out, frozen_clock, monkeypatch):
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", "payments")
    metrics = Metrics(namespace="Shop")
    metrics.add_dimension(name="shared", value="not-in-single")
    metrics.add_metric(name="Payments", unit=MetricUnit.Count, value=1)

    with single_metric(
        name="Refunds",
        unit=MetricUnit.Count,
        value=2,
        resolution=MetricResolution.High,
        namespace="Shop",
        default_dimensions={"reason": "damaged"},
    ) as metric:
        metric.add_dimension(name="channel", value="web")
        metric.add_metric(name="Refunds", unit=MetricUnit.Count, value=3, resolution=1)
    metrics.flush_metrics()

    assert emf_out.emf_documents() == [
        emf(frozen_clock, "Shop", ["reason", "channel", "service"],
            [{"Name": "Refunds", "Unit": "Count", "StorageResolution": 1}],
            reason="damaged", channel="web", service="payments", Refunds=[2.0]),
        emf(frozen_clock, "Shop", ["shared", "service"], [{"Name": "Payments", "Unit": "Count"}],
            shared="not-in-single", service="payments", Payments=[1.0]),
    ]  # fmt: skip


def test_environment_supplies_namespace_and_service_and_arguments_win(emf_out, frozen_clock, monkeypatch):
    monkeypatch.setenv("POWERTOOLS_METRICS_NAMESPACE", "FromEnv")
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", "env-service")
    Metrics().add_metric(name="A", unit=MetricUnit.Count, value=1)
    Metrics().flush_metrics()
    explicit = Metrics(namespace="Explicit", service="explicit-service")
    explicit.add_metric(name="B", unit=MetricUnit.Count, value=1)
    explicit.flush_metrics()

    assert [(d["_aws"]["CloudWatchMetrics"][0]["Namespace"], d["service"]) for d in emf_out.emf_documents()] == [
        ("FromEnv", "env-service"),
        ("Explicit", "explicit-service"),
    ]


def test_metrics_disabled_prints_nothing_and_still_clears(emf_out, monkeypatch):
    monkeypatch.setenv("POWERTOOLS_METRICS_DISABLED", "true")
    metrics = Metrics(namespace="Shop")
    metrics.add_dimension(name="d", value="v")
    metrics.add_metric(name="A", unit=MetricUnit.Count, value=1)
    metrics.flush_metrics()

    assert emf_out.text == ""
    assert (metrics.metric_set, metrics.dimension_set) == ({}, {})


def test_dev_mode_disables_output_unless_metrics_are_explicitly_enabled(emf_out, frozen_clock, monkeypatch):
    monkeypatch.setenv("POWERTOOLS_DEV", "true")
    metrics = Metrics(namespace="Dev")
    metrics.add_metric(name="A", unit=MetricUnit.Count, value=1)
    metrics.flush_metrics()
    assert emf_out.text == ""

    monkeypatch.setenv("POWERTOOLS_METRICS_DISABLED", "false")
    metrics.add_metric(name="A", unit=MetricUnit.Count, value=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # common warns once per process that dev mode is on
        metrics.flush_metrics()

    expected = emf(frozen_clock, "Dev", [], [{"Name": "A", "Unit": "Count"}], A=[1.0])
    assert emf_out.text == json.dumps(expected, indent=4) + "\n"
    assert emf_out.emf_documents() == [expected]
