"""The default body serializer writes exactly what json.dumps writes, with and without the C encoder.

It builds CPython's private C encoder once (``json.encoder.c_make_encoder``) for speed, and
falls back to the public ``Encoder.encode`` when that is missing or its signature changed.
Both paths are checked against ``json.dumps(value, separators=(",", ":"), cls=Encoder)`` over
arbitrary JSON, on every Python CI runs.
"""

from __future__ import annotations

import json
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from powertools.common.encoder import Encoder
from powertools.event_handler import serializer

EXAMPLES = 300
values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(),
        st.decimals(allow_nan=False, allow_infinity=False, places=3),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=5), st.dictionaries(st.text(max_size=20), children, max_size=5)
    ),
    max_leaves=30,
)


def _reference(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), cls=Encoder)


def test_c_encoder_path_matches_json_dumps() -> None:
    serialize = serializer.compact_json_serializer()
    examples: list[Any] = []

    @settings(max_examples=EXAMPLES, deadline=None)
    @given(values)
    def same(value: Any) -> None:
        examples.append(value)
        assert serialize(value) == _reference(value)

    same()
    print(f"serializer vs json.dumps: {len(examples)} examples")
    assert len(examples) >= EXAMPLES


@pytest.mark.parametrize("broken", [None, lambda *args: (_ for _ in ()).throw(TypeError("new signature"))])
def test_fallback_matches_json_dumps_when_the_c_encoder_is_missing_or_changed(
    broken: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the serializer's view of the json module changes; json.dumps (the reference) keeps its C encoder.
    fake_encoder = SimpleNamespace(c_make_encoder=broken, encode_basestring_ascii=json.encoder.encode_basestring_ascii)
    monkeypatch.setattr(serializer, "json", SimpleNamespace(encoder=fake_encoder))
    serialize = serializer.compact_json_serializer()
    assert getattr(serialize, "__self__", None).__class__ is Encoder  # the public Encoder.encode

    @settings(max_examples=EXAMPLES // 3, deadline=None)
    @given(values)
    def same(value: Any) -> None:
        assert serialize(value) == _reference(value)

    same()
    assert serialize({"price": Decimal("8.5")}) == '{"price":"8.5"}'
