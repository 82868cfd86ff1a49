import pytest

from powertools.common import DictWrapper, InvalidEventError
from powertools.common.dict_wrapper import decode_base64, get_header_value, parse_json


class Order(DictWrapper):
    @property
    def order_id(self) -> str | None:
        return self.get("orderId")

    @property
    def payload(self) -> dict[str, object]:
        return self._cached("payload", lambda: parse_json(self.get("body"), field="body"))


def test_mapping_semantics_and_raw_event() -> None:
    raw = {"orderId": "o-1", "body": '{"n": 1}'}
    order = Order(raw)
    assert order["orderId"] == "o-1"
    assert order.get("missing") is None
    assert dict(order) == raw
    assert len(order) == 2
    assert order.raw_event is raw
    assert order.order_id == "o-1"


def test_equality_by_content() -> None:
    assert Order({"a": 1}) == Order({"a": 1})
    assert Order({"a": 1}) != Order({"a": 2})


def test_parsed_body_is_cached() -> None:
    order = Order({"body": '{"n": 1}'})
    first = order.payload
    assert first == {"n": 1}
    assert order.payload is first


def test_non_dict_event_is_a_typed_error() -> None:
    with pytest.raises(InvalidEventError, match="Order expects the event as a JSON object"):
        Order(["not", "a", "dict"])  # type: ignore[arg-type]


def test_bad_json_names_the_field() -> None:
    with pytest.raises(InvalidEventError, match="body is not valid JSON") as info:
        Order({"body": "{oops"}).payload  # noqa: B018
    assert info.value.field == "body"


def test_bad_base64_names_the_field() -> None:
    assert decode_base64("aGk=", field="data") == b"hi"
    with pytest.raises(InvalidEventError, match="data is not valid base64"):
        decode_base64("not base64!", field="data")


def test_header_lookup_is_case_insensitive_by_default() -> None:
    headers = {"Content-Type": "application/json", "X-Count": 3}
    assert get_header_value(headers, "content-type") == "application/json"
    assert get_header_value(headers, "content-type", case_sensitive=True) is None
    assert get_header_value(headers, "x-count") == "3"
    assert get_header_value(None, "a", "dflt") == "dflt"


def test_deeply_nested_json_is_an_invalid_event_not_a_recursion_error():
    from powertools.common.exceptions import InvalidEventError

    hostile = "[" * 200_000 + "]" * 200_000
    with pytest.raises(InvalidEventError, match="body is JSON nested too deeply to parse") as info:
        parse_json(hostile, field="body")
    assert info.value.field == "body"


def test_wrap_section_runs_an_overridden_init_and_skips_only_dict_wrappers_own():
    from powertools.common.dict_wrapper import DictWrapper, wrap_section

    calls = []

    class WithSetup(DictWrapper):
        __slots__ = ("ready",)

        def __init__(self, data, json_deserializer=None):
            super().__init__(data, json_deserializer)
            self.ready = True
            calls.append(data)

    class Plain(DictWrapper):
        __slots__ = ()

    wrapped = wrap_section(WithSetup, {"a": 1})
    assert wrapped.ready is True
    assert calls == [{"a": 1}]
    assert wrap_section(Plain, {"a": 1}) == Plain({"a": 1})
