"""Bad input raises a typed error naming the metric, dimension or setting at fault."""

from __future__ import annotations

import warnings
from datetime import datetime, timedelta, timezone

import pytest

from powertools.common import ConfigurationError
from powertools.metrics import (
    InvalidTimestampError,
    MetricResolutionError,
    Metrics,
    MetricsError,
    MetricUnit,
    MetricUnitError,
    MetricValueError,
    SchemaValidationError,
    single_metric,
)


@pytest.fixture
def metrics() -> Metrics:
    return Metrics(namespace="Shop", service="orders")


def test_an_invalid_unit_names_the_metric_and_the_valid_units(metrics):
    # Upstream's message first (README: "error messages add the metric name and how to fix it").
    with pytest.raises(MetricUnitError, match=r"^Invalid metric unit 'Litres', expected either option: \['Seconds', "):
        metrics.add_metric(name="Fuel", unit="Litres", value=1)
    with pytest.raises(MetricUnitError, match=r"'NoUnit'\] \(metric 'Fuel'; use a MetricUnit member"):
        metrics.add_metric(name="Fuel", unit="Litres", value=1)
    with pytest.raises(MetricUnitError, match="Count/Second"):
        metrics.add_metric(name="Fuel", unit=["Count"], value=1)  # type: ignore[arg-type]


def test_no_unit_is_published_as_none(metrics):
    metrics.add_metric(name="Ratio", unit=MetricUnit.NoUnit, value=1)
    metrics.add_metric(name="Plain", unit="NoUnit", value=1)
    definitions = metrics.serialize_metric_set()["_aws"]["CloudWatchMetrics"][0]["Metrics"]
    assert definitions == [{"Name": "Ratio", "Unit": "None"}, {"Name": "Plain", "Unit": "None"}]


@pytest.mark.parametrize("resolution", [30, 0, True, "1", 1.5])
def test_a_resolution_other_than_1_or_60_is_rejected(metrics, resolution):
    with pytest.raises(
        MetricResolutionError,
        match=r"^Invalid metric resolution '.*', expected either option: \[60, 1\] \(metric 'Latency'; ",
    ):
        metrics.add_metric(name="Latency", unit=MetricUnit.Seconds, value=1, resolution=resolution)


@pytest.mark.parametrize("value", ["1", None, float("nan"), float("inf"), 1j, [1]])
def test_a_value_that_is_not_a_finite_number_names_the_metric(metrics, value):
    with pytest.raises(MetricValueError, match=r" is not a valid number \(metric 'Orders'; "):
        metrics.add_metric(name="Orders", unit=MetricUnit.Count, value=value)


@pytest.mark.parametrize("name", ["", None, "x" * 256, "_aws"])
def test_an_invalid_metric_name_is_rejected(metrics, name):
    with pytest.raises(SchemaValidationError, match="Invalid metric name"):
        metrics.add_metric(name=name, unit=MetricUnit.Count, value=1)


def test_one_metric_name_cannot_have_two_units_or_two_resolutions(metrics):
    metrics.add_metric(name="Latency", unit=MetricUnit.Milliseconds, value=1)
    with pytest.raises(MetricUnitError, match=r"Metric 'Latency' already has unit 'Milliseconds'.*'Seconds'"):
        metrics.add_metric(name="Latency", unit=MetricUnit.Seconds, value=1)
    with pytest.raises(MetricResolutionError, match=r"Metric 'Latency' already has resolution 60.*use 1"):
        metrics.add_metric(name="Latency", unit=MetricUnit.Milliseconds, value=1, resolution=1)
    assert metrics.metric_set == {"Latency": {"Unit": "Milliseconds", "StorageResolution": 60, "Value": [1.0]}}


def test_the_30th_user_dimension_is_refused_with_the_limit_named(metrics):
    for index in range(29):
        metrics.add_dimension(name=f"d{index}", value="v")
    metrics.add_dimension(name="d0", value="replaced")  # replacing an existing dimension is fine
    with pytest.raises(SchemaValidationError, match=r"Maximum number of dimensions exceeded \(29\).*d29"):
        metrics.add_dimension(name="d29", value="v")
    metrics.add_metric(name="A", unit=MetricUnit.Count, value=1)
    # The service dimension counts toward the limit, as upstream: 29 of the user's leave no room for it.
    with pytest.raises(
        SchemaValidationError, match=r"Maximum number of dimensions exceeded \(29\): Unable to add dimension service"
    ):
        metrics.serialize_metric_set()
    del metrics.dimension_set["d28"]
    document = metrics.serialize_metric_set()
    assert document["_aws"]["CloudWatchMetrics"][0]["Dimensions"] == [[*(f"d{i}" for i in range(28)), "service"]]
    assert document["d0"] == "replaced"


def test_empty_dimension_names_or_values_are_skipped_with_a_warning(metrics):
    with pytest.warns(UserWarning, match="The dimension 'region' doesn't meet the requirements"):
        metrics.add_dimension(name="region", value="")
    with pytest.warns(UserWarning, match="The dimension '' doesn't meet the requirements"):
        metrics.add_dimension(name="", value="x")
    assert metrics.dimension_set == {}


def test_missing_namespace_fails_the_flush_and_does_not_leak_into_the_next_one():
    metrics = Metrics()
    metrics.add_dimension(name="d", value="v")
    metrics.add_metric(name="A", unit=MetricUnit.Count, value=1)
    with pytest.raises(
        SchemaValidationError,
        match=r"^Must contain a metric namespace\. Pass namespace= or set POWERTOOLS_METRICS_NAMESPACE\.$",
    ):
        metrics.flush_metrics()
    assert (metrics.metric_set, metrics.dimension_set) == ({}, {})


def test_an_empty_flush_warns_or_raises_on_request(metrics, capsys):
    with pytest.warns(UserWarning, match="No application metrics to publish"):
        metrics.flush_metrics()
    with pytest.raises(SchemaValidationError, match="Must contain at least one metric"):
        metrics.flush_metrics(raise_on_empty_metrics=True)

    @metrics.log_metrics(raise_on_empty_metrics=True)
    def handler(event, context):
        return "ok"

    with pytest.raises(SchemaValidationError, match="Must contain at least one metric"):
        handler({}, None)
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    "offset",
    [timedelta(days=-14, seconds=-1), timedelta(hours=2, seconds=1), timedelta(days=-365)],
    ids=["15-days-ago", "2h1s-ahead", "a-year-ago"],
)
def test_timestamps_outside_cloudwatchs_window_warn_and_never_raise(metrics, frozen_clock, offset):
    moment = datetime.fromtimestamp(frozen_clock / 1000, tz=timezone.utc) + offset
    millis = int(moment.timestamp() * 1000)
    for given in (moment, millis):
        with pytest.warns(UserWarning, match="will be skipped by Amazon CloudWatch.*14 days in the past and 2 hours"):
            metrics.set_timestamp(given)
    metrics.add_metric(name="A", unit=MetricUnit.Count, value=1)
    # Kept as given, as upstream: CloudWatch skips these metrics; the invocation goes on.
    assert abs(metrics.serialize_metric_set()["_aws"]["Timestamp"] - millis) <= 1


@pytest.mark.parametrize("timestamp", ["2026-11-29", 1.5e12, True, None])
def test_timestamps_must_be_epoch_milliseconds_or_datetime(metrics, frozen_clock, timestamp):
    with pytest.warns(UserWarning, match="will be skipped by Amazon CloudWatch.*expected epoch milliseconds"):
        metrics.set_timestamp(timestamp)
    metrics.add_metric(name="A", unit=MetricUnit.Count, value=1)
    assert metrics.serialize_metric_set()["_aws"]["Timestamp"] == frozen_clock  # as upstream: the flush time


def test_metadata_or_dimensions_that_would_overwrite_each_other_are_rejected(metrics):
    metrics.add_dimension(name="tenant", value="a")
    metrics.add_metadata(key="tenant", value="b")
    metrics.add_metric(name="A", unit=MetricUnit.Count, value=1)
    with pytest.raises(SchemaValidationError, match=r"Keys used twice .*\['tenant'\]"):
        metrics.flush_metrics()
    with pytest.raises(SchemaValidationError, match="'_aws' is reserved"):
        metrics.add_metadata(key="_aws", value={})


def test_single_metric_ignores_a_second_metric_as_upstream(capsys, monkeypatch):
    with single_metric(name="A", unit=MetricUnit.Count, value=1, namespace="N") as metric:
        metric.add_metric(name="B", unit=MetricUnit.Count, value=1)
        metric.add_metric(name="A", unit=MetricUnit.Count, value=2)  # not appended either
    out = capsys.readouterr().out
    assert '"A":[1.0]' in out
    assert '"B"' not in out
    monkeypatch.setenv("POWERTOOLS_DEV", "1")
    with (
        pytest.warns(UserWarning, match="single_metric holds one metric \\('A'\\); 'B' was not added"),
        single_metric(name="A", unit=MetricUnit.Count, value=1, namespace="N") as metric,
    ):
        metric.add_metric(name="B", unit=MetricUnit.Count, value=1)


@pytest.mark.parametrize("variable", ["POWERTOOLS_METRICS_DISABLED", "POWERTOOLS_DEV"])
def test_a_malformed_boolean_setting_is_a_configuration_error(metrics, monkeypatch, variable):
    monkeypatch.setenv(variable, "maybe")
    metrics.add_metric(name="A", unit=MetricUnit.Count, value=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # POWERTOOLS_DEV's one-time notice, if it comes first
        with pytest.raises(ConfigurationError, match=f"{variable}='maybe' is not valid"):
            metrics.flush_metrics()


def test_every_metrics_error_is_a_value_error_and_a_metrics_error():
    for error in (MetricUnitError, MetricResolutionError, MetricValueError, InvalidTimestampError):
        assert issubclass(error, MetricsError)
        assert issubclass(error, ValueError)


def test_metadata_json_cant_hold_is_dropped_with_a_warning_and_the_rest_published(metrics, capsys):
    import json

    metrics.add_metric(name="A", unit=MetricUnit.Count, value=1)
    metrics.add_metadata(key="order", value="o-1")
    metrics.add_metadata(key="ratio", value=float("nan"))
    metrics.add_metadata(key="handle", value=object())
    with pytest.warns(UserWarning, match="can.t be written as JSON and was dropped") as caught:
        metrics.flush_metrics()  # never raises after the handler succeeded
    assert sorted(str(w.message).split(" can't")[0] for w in caught) == ["Metadata 'handle'", "Metadata 'ratio'"]
    (document,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert document["order"] == "o-1"
    assert "ratio" not in document
    assert "handle" not in document
    assert document["A"] == [1.0]


def test_dimensions_past_cloudwatchs_length_limits_are_dropped_with_a_warning(metrics):
    with pytest.warns(UserWarning, match="CloudWatch allows names up to 255 and values up to 1024 characters"):
        metrics.add_dimension(name="n" * 256, value="v")
    with pytest.warns(UserWarning, match=r"\(got 6 and 1025\)"):
        metrics.add_dimension(name="tenant", value="v" * 1025)
    assert metrics.dimension_set == {}


def test_a_provider_with_only_the_abstract_methods_works(capsys):
    from powertools.metrics.provider import BaseProvider

    class Counting(BaseProvider):
        def __init__(self) -> None:
            self.seen: list[tuple[str, float]] = []

        def add_metric(self, name: str, value: float, *args: object, **kwargs: object) -> None:
            self.seen.append((name, value))

        def serialize_metric_set(self, *args: object, **kwargs: object) -> list[tuple[str, float]]:
            return list(self.seen)

        def flush_metrics(self, raise_on_empty_metrics: bool = False) -> None:
            print(self.serialize_metric_set())
            self.seen.clear()

        def clear_metrics(self, *args: object, **kwargs: object) -> None:
            self.seen.clear()

        def add_cold_start_metric(self, context: object) -> None:
            pass

    metrics = Metrics(provider=Counting())  # type: ignore[arg-type]

    @metrics.log_metrics
    def handler(event: dict, context: object) -> str:
        metrics.add_metric(name="Orders", value=2)  # type: ignore[call-arg]
        return "ok"

    assert handler({}, None) == "ok"
    assert capsys.readouterr().out.strip() == "[('Orders', 2)]"
