"""Whatever a user adds, the EMF reader recovers exactly, however many documents it takes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powertools.metrics import EphemeralMetrics, MetricResolution, MetricUnit

UNITS = list(MetricUnit)
text = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_-.:/ ", min_size=1, max_size=20).filter(str.strip)
# Each metric name gets one unit and resolution; 120 possible names force a second document.
metric_names = st.integers(min_value=0, max_value=119)
additions = st.lists(
    st.tuples(metric_names, st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**9), 10**9)),
    min_size=1,
    max_size=300,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(additions=additions, dimensions=st.dictionaries(text.map("dim_{}".format), text, max_size=5))
def test_added_metrics_are_recovered_from_the_emf_documents(emf_out, additions, dimensions):
    emf_out.clear()
    metrics = EphemeralMetrics(namespace="Prop", service="svc")
    for key, value in dimensions.items():
        metrics.add_dimension(name=key, value=value)
    expected: dict[tuple[str, str, int], list[float]] = {}
    for index, value in additions:
        name, unit = f"metric_{index}", UNITS[index % len(UNITS)]
        resolution = MetricResolution.High if index % 3 == 0 else MetricResolution.Standard
        metrics.add_metric(name=name, unit=unit, value=value, resolution=resolution)
        expected.setdefault((name, unit.value, resolution.value), []).append(float(value))
    metrics.flush_metrics()

    recovered: dict[tuple[str, str, int], list[float]] = {}
    for metric in emf_out.metrics():
        assert (metric.namespace, metric.dimensions) == ("Prop", {**dimensions, "service": "svc"})
        recovered.setdefault((metric.name, metric.unit, metric.resolution), []).extend(metric.values)
    assert recovered == expected
    assert all(len(document["_aws"]["CloudWatchMetrics"][0]["Metrics"]) <= 100 for document in emf_out.documents())
