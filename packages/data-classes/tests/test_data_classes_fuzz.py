"""Property-based: arbitrary JSON fed to every class never raises anything but InvalidEventError.

Events are drawn two ways: the sample event with random subtrees replaced by arbitrary
JSON (so deep properties are reached), and free JSON objects whose keys come from the
sample (so types are confused everywhere). The walker reads every public property and
method, recursively, and lets only the documented ``InvalidEventError`` through.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import powertools.data_classes as dc

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["", "e30=", "bm90IGpzb24=", "{}", "[1]", "{bad", "arn:aws:sqs:x", "1.5", "INSERT", "H4sI"])
)


def _keys(value: Any, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(key)
            _keys(item, found)
    elif isinstance(value, list):
        for item in value:
            _keys(item, found)
    return found


def _free_json(keys: list[str]) -> st.SearchStrategy[Any]:
    return st.recursive(
        SCALARS,
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(st.sampled_from(keys) | st.text(max_size=5), children, max_size=6)
        ),
        max_leaves=25,
    )


def _mutated(value: Any, noise: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """The sample, where any subtree may be swapped for noise or dropped."""
    if isinstance(value, dict):
        children = {key: _mutated(item, noise) for key, item in value.items()}
        inner = st.fixed_dictionaries({}, optional=children)
    elif isinstance(value, list):
        inner = st.tuples(*(_mutated(item, noise) for item in value[:3])).map(list) if value else st.just([])
    else:
        inner = st.just(value)
    return st.one_of(inner, inner, inner, noise)


def _events(sample: dict[str, Any]) -> st.SearchStrategy[Any]:
    noise = _free_json(sorted(_keys(sample, set())) or ["x"])
    return st.one_of(
        _mutated(sample, noise), st.dictionaries(st.sampled_from(sorted(_keys(sample, set())) or ["x"]), noise)
    )


# FUZZ_EXAMPLES raises the count for a longer local run; the suite default stays quick.
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_arbitrary_json_raises_only_invalid_event_error(sample, load_event, walker, data) -> None:
    name, class_name = sample
    event = data.draw(_events(load_event(name)))
    if isinstance(event, dict):
        walker(getattr(dc, class_name)(event))
