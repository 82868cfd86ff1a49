"""The compiled-schema cache: hits, content keys, eviction, and options that change the compiled code."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from powertools.validation import (
    SchemaCacheInfo,
    SchemaValidationError,
    clear_schema_cache,
    schema_cache_info,
    set_schema_cache_size,
    validate,
)
from powertools.validation.schema_cache import DEFAULT_SCHEMA_CACHE_SIZE

SCHEMA = {"type": "object", "properties": {"n": {"type": "integer", "maximum": 10}}}


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    clear_schema_cache()
    set_schema_cache_size(DEFAULT_SCHEMA_CACHE_SIZE)
    yield
    clear_schema_cache()
    set_schema_cache_size(DEFAULT_SCHEMA_CACHE_SIZE)


def test_second_call_is_a_hit() -> None:
    validate({"n": 1}, SCHEMA)
    validate({"n": 2}, SCHEMA)
    assert schema_cache_info() == SchemaCacheInfo(hits=1, misses=1, evictions=0, size=1, maxsize=128)


def test_equal_content_in_another_dict_is_a_hit() -> None:
    validate({"n": 1}, SCHEMA)
    validate({"n": 1}, copy.deepcopy(SCHEMA))
    assert schema_cache_info().hits == 1


def test_mutating_a_schema_is_never_served_stale() -> None:
    schema = copy.deepcopy(SCHEMA)
    validate({"n": 10}, schema)
    schema["properties"]["n"]["maximum"] = 5
    with pytest.raises(SchemaValidationError, match="must be smaller than or equal to 5"):
        validate({"n": 10}, schema)
    assert schema_cache_info() == SchemaCacheInfo(hits=0, misses=2, evictions=0, size=2, maxsize=128)


def test_least_recently_used_is_evicted() -> None:
    set_schema_cache_size(2)
    first, second, third = ({"type": "object", "title": name} for name in ("a", "b", "c"))
    validate({}, first)
    validate({}, second)
    validate({}, first)  # first is now the most recently used
    validate({}, third)  # evicts second
    assert schema_cache_info() == SchemaCacheInfo(hits=1, misses=3, evictions=1, size=2, maxsize=2)
    validate({}, first)
    validate({}, second)
    assert schema_cache_info() == SchemaCacheInfo(hits=2, misses=4, evictions=2, size=2, maxsize=2)


def test_shrinking_evicts_now() -> None:
    for name in "abcd":
        validate({}, {"title": name})
    set_schema_cache_size(1)
    assert schema_cache_info() == SchemaCacheInfo(hits=0, misses=4, evictions=3, size=1, maxsize=1)


def test_size_zero_disables_caching_but_still_validates() -> None:
    set_schema_cache_size(0)
    validate({"n": 1}, SCHEMA)
    with pytest.raises(SchemaValidationError):
        validate({"n": 11}, SCHEMA)
    assert schema_cache_info() == SchemaCacheInfo(hits=0, misses=2, evictions=0, size=0, maxsize=0)


@pytest.mark.parametrize("size", [-1, 1.5, True, "10"])
def test_bad_sizes_are_rejected(size: Any) -> None:
    with pytest.raises(ValueError, match="schema cache size must be a non-negative integer"):
        set_schema_cache_size(size)


def test_formats_handlers_and_options_get_their_own_entries() -> None:
    schema = {"type": "object", "properties": {"id": {"format": "id"}, "n": {"default": 1}}}
    only_digits, only_letters = {"id": r"^\d+$"}, {"id": r"^[a-z]+$"}

    assert validate({"id": "12"}, schema, formats=only_digits) == {"id": "12", "n": 1}
    assert validate({"id": "ab"}, schema, formats=only_letters) == {"id": "ab", "n": 1}
    with pytest.raises(SchemaValidationError, match="must be id"):
        validate({"id": "ab"}, schema, formats=only_digits)
    assert validate({"id": "12"}, schema, formats=only_digits, provider_options={"use_default": False}) == {"id": "12"}
    assert validate({"id": "12"}, schema, formats=dict(only_digits)) == {"id": "12", "n": 1}  # equal formats: a hit

    assert schema_cache_info() == SchemaCacheInfo(hits=2, misses=3, evictions=0, size=3, maxsize=128)


def test_handlers_are_keyed_by_the_callable() -> None:
    schema = {"properties": {"a": {"$ref": "mem://a"}}}

    def integers(uri: str) -> dict[str, Any]:
        return {"type": "integer"}

    def strings(uri: str) -> dict[str, Any]:
        return {"type": "string"}

    assert validate({"a": 1}, schema, handlers={"mem": integers}) == {"a": 1}
    assert validate({"a": "x"}, schema, handlers={"mem": strings}) == {"a": "x"}
    with pytest.raises(SchemaValidationError, match=r"data\.a must be integer"):
        validate({"a": "x"}, schema, handlers={"mem": integers})
    assert schema_cache_info().size == 2


def test_format_dict_mutated_after_use_does_not_leak_into_the_cached_validator() -> None:
    schema = {"format": "code"}
    formats = {"code": r"^[A-Z]+$"}
    validate("ABC", schema, formats=formats)
    formats["code"] = r"^\d+$"
    assert validate("123", schema, formats=formats) == "123"
    with pytest.raises(SchemaValidationError):
        validate("ABC", schema, formats=formats)


def test_unhashable_callable_format_works_without_caching() -> None:
    class Check:
        __hash__ = None  # type: ignore[assignment]

        def __call__(self, value: str) -> bool:
            return value == "ok"

    schema = {"format": "ok"}
    assert validate("ok", schema, formats={"ok": Check()}) == "ok"
    with pytest.raises(SchemaValidationError, match="data must be ok"):
        validate("no", schema, formats={"ok": Check()})
    assert schema_cache_info() == SchemaCacheInfo(hits=0, misses=2, evictions=0, size=0, maxsize=128)


def test_broken_schemas_are_not_cached() -> None:
    for _ in range(2):
        with pytest.raises(ValueError, match="unknown type"):
            validate({}, {"type": "nope"})
    assert schema_cache_info() == SchemaCacheInfo(hits=0, misses=2, evictions=0, size=0, maxsize=128)
