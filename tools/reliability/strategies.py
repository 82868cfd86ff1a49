"""Hypothesis strategies for Lambda events: valid shapes with arbitrary values, and arbitrary JSON.

``event_like(sample)`` draws either the sample with any subtree swapped for noise or dropped
(so deep properties and validators are reached with wrong types and missing keys), or a free
JSON object whose keys come from the sample (so type confusion reaches every level).
The same idea as packages/data-classes/tests/test_data_classes_fuzz.py, shared here by every
package the suite drives.
"""

from __future__ import annotations

import base64
import gzip
import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

__all__ = [
    "EXAMPLES",
    "LENGTHS",
    "SETTINGS",
    "SCALARS",
    "DEEP",
    "HOSTILE_TEXT",
    "free_json",
    "weighted",
    "with_hostile_text",
    "event_like",
    "keys_of",
    "run_cases",
]

# RELIABILITY_EXAMPLES raises the count for a longer run (.ci/run); the suite default stays quick.
EXAMPLES = int(os.environ.get("RELIABILITY_EXAMPLES", "20"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # every run draws fresh cases; failures print their reproducing input
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
# Targets with many parameters (a model, an envelope, a resolver each) run a third of the cases
# in the default suite, to keep it quick, and five times the cases under `reliability_long`.
LENGTHS = ["default", pytest.param("long", marks=pytest.mark.reliability_long)]


def run_cases(length: str, check: Callable[[st.DataObject], None]) -> None:
    """Run ``check`` on hypothesis-drawn data: ``length`` is "default" or "long" (see ``LENGTHS``)."""
    examples = max(5, EXAMPLES // 3) if length == "default" else EXAMPLES * 5

    @settings(SETTINGS, max_examples=examples)
    @given(data=st.data())
    def cases(data: st.DataObject) -> None:
        check(data)

    cases()


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


def weighted(*branches: tuple[st.SearchStrategy[Any], int]) -> st.SearchStrategy[Any]:
    """``st.one_of`` with weights. Hypothesis drops a branch repeated as the same object (so
    ``one_of(a, a, b)`` draws ``b`` half the time) and flattens a nested ``one_of`` into its
    branches (so ``one_of(a, one_of(b, c, d))`` draws ``a`` a quarter of the time): each
    branch here is its own mapped copy, counted once."""

    def copy(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        return strategy.map(lambda value: value)  # a new function: a distinct branch

    return st.one_of(*(copy(strategy) for strategy, times in branches for n in range(times)))


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
    return weighted((inner, 3), (noise, 1))


def event_like(*samples: Any) -> st.SearchStrategy[Any]:
    """Events shaped like ``samples`` with arbitrary values, or arbitrary JSON using their keys."""
    keys = sorted(set().union(*(keys_of(sample) for sample in samples))) or ["x"]
    noise = free_json(keys)
    shaped = st.one_of(*(_mutated(sample, noise) for sample in samples)) if samples else noise
    return weighted((shaped, 3), (st.dictionaries(st.sampled_from(keys), noise), 1), (free_json(), 1))


DEEP = 100_000
# Strings that decoders and validators (JSON bodies, base64, gzip, dates, URLs) get wrong.
HOSTILE_TEXT = st.sampled_from(
    [
        "[" * DEEP + "]" * DEEP,
        '{"a":' * DEEP + "1" + "}" * DEEP,
        '{"orderId": "o-1", "total": 1e999}',
        '{"orderId": "o-1", "items": [' + "[" * 5000 + "]" * 5000 + "]}",
        "H4sIAAAAAAAA/w==",
        "eyJvcmRlcklkIjogMX0=",
        "2024-13-45T99:99:99Z",
        "http://[::1",
        "\udcff",
        "0" * 5000,
        base64.b64encode(("[" * DEEP + "]" * DEEP).encode()).decode(),
        base64.b64encode(gzip.compress(('{"a":' * DEEP + "1" + "}" * DEEP).encode())).decode(),
    ]
)


def with_hostile_text(samples: list[Any]) -> st.SearchStrategy[Any]:
    """``event_like(*samples)``, with every n-th string of some events swapped for a ``HOSTILE_TEXT``."""
    shaped = event_like(*samples)

    def poison(value: Any, text: str, every: int) -> Any:
        counter = [0]

        def walk(item: Any) -> Any:
            if isinstance(item, dict):
                return {key: walk(inner) for key, inner in item.items()}
            if isinstance(item, list):
                return [walk(inner) for inner in item]
            if isinstance(item, str):
                counter[0] += 1
                return text if counter[0] % every == 0 else item
            return item

        return walk(value)

    return weighted((shaped, 2), (st.builds(poison, shaped, HOSTILE_TEXT, st.integers(1, 6)), 1))
