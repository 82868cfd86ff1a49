"""Hypothesis strategies for Lambda events: valid shapes with arbitrary values, and arbitrary JSON.

``event_like(sample)`` draws either the sample with any subtree swapped for noise or dropped
(so deep properties and validators are reached with wrong types and missing keys), or a free
JSON object whose keys come from the sample (so type confusion reaches every level).
The same idea as packages/data-classes/tests/test_data_classes_fuzz.py, shared here by every
package the suite drives.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

__all__ = ["EXAMPLES", "SETTINGS", "SCALARS", "free_json", "event_like", "keys_of"]

# RELIABILITY_EXAMPLES raises the count for a longer run (.ci/run); the suite default stays quick.
EXAMPLES = int(os.environ.get("RELIABILITY_EXAMPLES", "20"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # every run draws fresh cases; failures print their reproducing input
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)

# Values Lambda never sends where they land, plus strings that look like what decoders expect.
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**64), max_value=2**64)
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(
        ["", "e30=", "bm90IGpzb24=", "{}", "[1]", "{bad", "null", "arn:aws:sqs:x", "1.5", "H4sI", "==", "%zz", "/"]
    )
)


def keys_of(value: Any, found: set[str] | None = None) -> set[str]:
    found = set() if found is None else found
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(key)
            keys_of(item, found)
    elif isinstance(value, list):
        for item in value:
            keys_of(item, found)
    return found


def free_json(keys: list[str] | None = None) -> st.SearchStrategy[Any]:
    names = st.sampled_from(keys) | st.text(max_size=5) if keys else st.text(max_size=8)
    return st.recursive(
        SCALARS,
        lambda children: st.lists(children, max_size=3) | st.dictionaries(names, children, max_size=6),
        max_leaves=25,
    )


def _mutated(value: Any, noise: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    if isinstance(value, dict):
        inner = st.fixed_dictionaries({}, optional={key: _mutated(item, noise) for key, item in value.items()})
    elif isinstance(value, list):
        inner = st.tuples(*(_mutated(item, noise) for item in value[:3])).map(list) if value else st.just([])
    else:
        inner = st.just(value)
    return st.one_of(inner, inner, inner, noise)


def event_like(*samples: Any) -> st.SearchStrategy[Any]:
    """Events shaped like ``samples`` with arbitrary values, or arbitrary JSON using their keys."""
    keys = sorted(set().union(*(keys_of(sample) for sample in samples))) or ["x"]
    noise = free_json(keys)
    shaped = st.one_of(*(_mutated(sample, noise) for sample in samples)) if samples else noise
    return st.one_of(shaped, shaped, shaped, st.dictionaries(st.sampled_from(keys), noise), free_json())
