"""Wrong-typed fields in HTTP proxy events give a typed error, never a bare one (issue 13).

API Gateway, ALB, Function URL and VPC Lattice always send query strings, cookies and
headers as strings; a hand-built or hostile event may not. Reading any property of such an
event answers, or raises ``InvalidEventError`` (naming the field for the maps, lists and
strings the router reads): never a bare TypeError/AttributeError from inside. The fuzz test
prints how many cases it tried.
"""

from __future__ import annotations

import contextlib
import copy
import os
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import powertools.data_classes as dc
from powertools.common.exceptions import InvalidEventError
from powertools_testing.events import load_event

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
TRIED: Counter[str] = Counter()

SAMPLES = {
    "apigw_rest": dc.APIGatewayProxyEvent,
    "apigw_http": dc.APIGatewayProxyEventV2,
    "function_url": dc.LambdaFunctionUrlEvent,
    "alb": dc.ALBEvent,
    "alb_multi_value": dc.ALBEvent,
    "vpc_lattice_v1": dc.VPCLatticeEvent,
    "vpc_lattice_v2": dc.VPCLatticeEventV2,
}
# Methods a router or a user calls with arguments, read with a name that may or may not be there.
CALLS = [
    ("get_query_string_value", ("a",)),
    ("get_multi_value_query_string_values", ("a",)),
    ("get_header_value", ("cookie",)),
    ("get_header_value", ("content-type",)),
]


@pytest.fixture(scope="module", autouse=True)
def report_cases() -> Any:
    yield
    print("\nHTTP wrong-typed field cases tried:", dict(sorted(TRIED.items())))


def _read_everything(event: Any, walker: Callable[..., Any]) -> None:
    walker(event)  # every property, recursively (conftest's walker: InvalidEventError is recorded, not raised)
    for method, args in CALLS:
        with contextlib.suppress(InvalidEventError):
            getattr(event, method)(*args)


def _paths(sample: dict[str, Any]) -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = []
    for key, value in sample.items():
        paths.append((key,))
        if isinstance(value, dict):
            paths.extend((key, inner) for inner in value)
    return paths


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["a", "cookie", "x"]), inner, max_size=3)
    ),
    max_leaves=8,
)


# The walker fixture is a plain function, safe to share between examples.
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_value_in_any_field_reads_or_names_the_field(data: st.DataObject, walker: Callable[..., Any]) -> None:
    sample_name = data.draw(st.sampled_from(sorted(SAMPLES)), label="sample")
    event = copy.deepcopy(load_event(sample_name))
    path = data.draw(st.sampled_from(_paths(event)), label="field")
    target = event
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = data.draw(JSON, label="value")
    TRIED[sample_name] += 1
    _read_everything(SAMPLES[sample_name](event), walker)


@pytest.mark.parametrize(
    ("event_name", "field", "value", "read", "named"),
    [
        (
            "alb",
            "multiValueQueryStringParameters",
            True,
            "resolved_query_string_parameters",
            "multiValueQueryStringParameters",
        ),
        ("alb", "queryStringParameters", True, "resolved_query_string_parameters", "queryStringParameters"),
        ("alb_multi_value", "multiValueHeaders", {"cookie": [None]}, "resolved_cookies_field", "headers.cookie"),
        ("alb_multi_value", "multiValueHeaders", {"cookie": {"a": 1}}, "resolved_cookies_field", "headers.cookie"),
        ("apigw_rest", "queryStringParameters", 1, "query_string_parameters", "queryStringParameters"),
        ("apigw_http", "queryStringParameters", 1, "resolved_query_string_parameters", "queryStringParameters"),
        (
            "apigw_http",
            "queryStringParameters",
            {"a": None},
            "resolved_query_string_parameters",
            "queryStringParameters.a",
        ),
        ("function_url", "cookies", 1, "resolved_cookies_field", "cookies"),
        ("apigw_http", "cookies", [None], "resolved_cookies_field", "cookies"),
        ("vpc_lattice_v1", "raw_path", None, "path", "raw_path"),
        (
            "vpc_lattice_v2",
            "queryStringParameters",
            {"a": [None]},
            "query_string_parameters",
            "queryStringParameters.a",
        ),
    ],
)
def test_the_error_names_the_wrong_field(event_name: str, field: str, value: Any, read: str, named: str) -> None:
    raw = copy.deepcopy(load_event(event_name))
    raw[field] = value
    event = SAMPLES[event_name](raw)
    with pytest.raises(InvalidEventError) as caught:
        getattr(event, read)
    assert caught.value.field == named
    assert f"field {named!r} must be" in str(caught.value)


def test_absent_or_null_maps_still_read_as_empty() -> None:
    raw = copy.deepcopy(load_event("apigw_rest"))
    raw["queryStringParameters"] = None
    raw["multiValueQueryStringParameters"] = None
    event = dc.APIGatewayProxyEvent(raw)
    assert event.query_string_parameters == {}
    assert event.resolved_query_string_parameters == {}
    assert event.get_multi_value_query_string_values("a", ["d"]) == ["d"]
