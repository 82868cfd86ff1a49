"""The metadata size check's hand-written length calculation agrees with json.dumps.

``xray._native_copy`` adds up the bytes json.dumps would write instead of encoding the value
(the common case costs one pass and no string building). These properties pin it to json.dumps
itself over arbitrary JSON-native values: exact mode equals ``len(json.dumps(v))``, the fast
mode never under-counts, and the copy encodes exactly like the original.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from powertools.tracer import xray

EXAMPLES = 400
BIG = 10**9

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),  # any code point: non-ASCII, surrogates, control characters
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=6),
        st.tuples(children, children),
        st.dictionaries(st.text(max_size=80), children, max_size=6),
    ),
    max_leaves=40,
)


def test_exact_size_is_json_dumps_length_and_the_copy_encodes_the_same() -> None:
    examples: list[Any] = []

    @settings(max_examples=EXAMPLES, deadline=None)
    @given(values)
    def check(value: Any) -> None:
        examples.append(value)
        copy, size = xray._native_copy(value, BIG, 0, True)
        expected = json.dumps(value)
        assert size == len(expected)
        assert json.dumps(copy) == expected

    check()
    print(f"exact metadata size vs json.dumps: {len(examples)} examples")
    assert len(examples) >= EXAMPLES


def test_fast_size_never_under_counts() -> None:
    examples: list[Any] = []

    @settings(max_examples=EXAMPLES, deadline=None)
    @given(values)
    def check(value: Any) -> None:
        examples.append(value)
        _, size = xray._native_copy(value, BIG, 0, False)
        assert size >= len(json.dumps(value))

    check()
    print(f"fast metadata size upper bound vs json.dumps: {len(examples)} examples")
    assert len(examples) >= EXAMPLES
