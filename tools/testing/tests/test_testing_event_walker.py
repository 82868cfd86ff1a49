"""powertools_testing.event_walker: every public member of a wrapper, read recursively."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("powertools.data_classes")  # the walker reads powertools' wrappers

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.exceptions import InvalidEventError
from powertools.data_classes._fields import Field, ListOf, Section
from powertools_testing.event_walker import EventWalker, plain, public_members


class Item(DictWrapper):
    name = Field[str]("name")


class Order(DictWrapper):
    order_id = Field[str]("id")
    customer = Section(Item, "customer")
    lines = ListOf(Item, "lines")

    @property
    def total(self) -> int:
        value = self._data.get("total")
        if not isinstance(value, int):
            raise InvalidEventError(f"total is not a number: {value!r}")
        return value

    @property
    def names(self) -> Iterator[str]:
        return (line.name or "" for line in self.lines)

    def describe(self) -> str:
        return f"order {self.order_id}"

    def line(self, index: int) -> Item:  # needs an argument: not read
        return self.lines[index]


class Broken(DictWrapper):
    @property
    def boom(self) -> Any:
        return self._data["absent"]


EVENT = {"id": "o-1", "customer": {"name": "Ada"}, "lines": [{"name": "tea"}, {"name": "cake"}], "total": "12"}


def test_public_members_are_fields_properties_and_argument_free_methods() -> None:
    assert public_members(Order) == ("customer", "describe", "lines", "names", "order_id", "total")
    assert public_members(Item) == ("name",)


def test_walk_reads_everything_and_records_the_documented_error() -> None:
    visited: set[type] = set()
    assert EventWalker().walk(Order(EVENT), visited) == {
        "customer": {"name": "Ada"},
        "describe": "order o-1",
        "lines": [{"name": "tea"}, {"name": "cake"}],
        "names": ["tea", "cake"],  # a generator, drained
        "order_id": "o-1",
        "total": {"!error": "total is not a number: '12'"},
    }
    assert visited == {Order, Item}


def test_without_recording_errors_read_as_none_and_count_is_the_members_read() -> None:
    walker = EventWalker(record_errors=False)
    assert walker.walk(Order(EVENT))["total"] is None
    assert walker.count(Order(EVENT)) == 6 + 1 + 2  # the order's members, the customer's, each line's


def test_other_exceptions_propagate_unless_tolerated() -> None:
    with pytest.raises(KeyError):
        EventWalker().walk(Broken({}))
    tolerant = EventWalker(tolerated=lambda exc: isinstance(exc, KeyError))
    assert tolerant.walk(Broken({})) == {"boom": {"!error": "'absent'"}}


def test_a_malformed_lazy_item_is_recorded_and_counts_nothing() -> None:
    def lazily() -> Iterator[Item]:
        yield Item({"name": "ok"})
        raise InvalidEventError("item 1 is not an object")

    assert EventWalker().walk(lazily()) == {"!error": "item 1 is not an object"}
    assert EventWalker().count(lazily()) == 0


def test_mappings_through_items_or_values() -> None:
    class Wrapping(dict[str, Any]):
        def items(self) -> list[tuple[str, Any]]:  # type: ignore[override]
            return [(key, Item(value)) for key, value in super().items()]

    value = Wrapping(a={"name": "x"})
    assert EventWalker().walk(value) == {"a": {"name": "x"}}
    assert EventWalker(mapping_items=False).walk(value) == [["x"]]  # the raw dict, itself walked by value


def test_snapshot_is_plain_data() -> None:
    assert EventWalker().snapshot(Item({"name": b"\x00"})) == {"name": {"bytes_b64": "AA=="}}
    assert plain((1, {2})) == [1, {"set": [2]}]
