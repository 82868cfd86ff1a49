"""DictWrapper: the base of every typed Lambda event class."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

from powertools.common.exceptions import InvalidEventError

JsonDeserializer = Callable[[str], Any]
WrapperT = TypeVar("WrapperT", bound="DictWrapper")

_new_object = object.__new__


class DictWrapper(Mapping[str, Any]):
    """A read-only view over a raw event dict with typed properties on top.

    It is a Mapping, so ``event["key"]`` and ``event.get("key")`` keep working,
    and two wrappers are equal when their raw events are equal.
    """

    __slots__ = ("_cache", "_custom_deserializer", "_data")
    _cache: dict[str, Any]
    _custom_deserializer: JsonDeserializer
    _data: Mapping[str, Any]

    def __init__(self, data: Mapping[str, Any], json_deserializer: JsonDeserializer | None = None) -> None:
        # Events are almost always plain dicts: test that first, the ABC check is slow.
        if type(data) is not dict and not isinstance(data, Mapping):
            raise InvalidEventError(
                f"{type(self).__name__} expects the event as a JSON object (dict), got {type(data).__name__}"
            )
        self._data = data
        # Slots left unset cost nothing: _cache is created on first use (most wrappers never
        # need it) and _custom_deserializer only when one is given.
        if json_deserializer is not None:
            self._custom_deserializer = json_deserializer

    @property
    def _json_deserializer(self) -> JsonDeserializer:
        """What parses this event's JSON strings: the one given to ``__init__``, else ``json.loads``."""
        try:
            return self._custom_deserializer
        except AttributeError:
            return json.loads

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DictWrapper):
            return self._data == other._data
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal by content, and content may change

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    @property
    def raw_event(self) -> Mapping[str, Any]:
        """The event exactly as Lambda delivered it."""
        return self._data

    def _cached(self, name: str, compute: Callable[[], Any]) -> Any:
        """Compute a derived value (decoded or parsed body) once per event."""
        try:
            cache = self._cache
        except AttributeError:
            cache = self._cache = {}
        try:
            return cache[name]
        except KeyError:
            value = cache[name] = compute()
            return value

    def _section(self, key: str) -> Mapping[str, Any]:
        """A nested object, or an empty one when the event doesn't carry it."""
        value = self._data.get(key)
        return value if type(value) is dict or isinstance(value, Mapping) else {}


_wrapper_init = DictWrapper.__init__


def wrap_section(cls: type[WrapperT], data: Any) -> WrapperT:
    """``cls(data)`` for a nested object of an event (a request context, an identity).

    Properties hand out these wrappers on every access, and on CPython 3.11 calling a
    class with a Python ``__init__`` costs more than the rest of the property together.
    A plain dict needs none of ``__init__``'s checks, so its slots are filled directly;
    anything else goes through ``cls(data)`` and its validation, and so does a class that
    overrides ``__init__`` (skipping it would skip that class's own set-up).
    """
    if type(data) is not dict or cls.__init__ is not _wrapper_init:
        return cls(data)
    wrapper = _new_object(cls)
    wrapper._data = data
    return wrapper


def decode_base64(value: str | bytes, *, field: str) -> bytes:
    """Strict base64 decode that names the field when the data is malformed."""
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError, TypeError) as exc:
        raise InvalidEventError(f"{field} is not valid base64: {exc}", field=field) from None


def parse_json(value: str | bytes | None, *, field: str, deserializer: JsonDeserializer = json.loads) -> Any:
    """Parse JSON, naming the field and position when it is malformed."""
    if value is None:
        return None
    try:
        return deserializer(value)  # type: ignore[arg-type]
    except json.JSONDecodeError as exc:
        raise InvalidEventError(f"{field} is not valid JSON: {exc.msg} at position {exc.pos}", field=field) from None
    except (TypeError, ValueError) as exc:
        raise InvalidEventError(f"{field} is not valid JSON: {exc}", field=field) from None
    except RecursionError:
        # json's C scanner raises RecursionError on very deep nesting: hostile input, not a bug here.
        raise InvalidEventError(f"{field} is not valid JSON: nested too deeply", field=field) from None


def get_header_value(
    headers: Mapping[str, Any] | None,
    name: str,
    default_value: str | None = None,
    case_sensitive: bool = False,
) -> str | None:
    """Look a header up by name, case-insensitively unless asked otherwise."""
    if not headers:
        return default_value
    if case_sensitive:
        value = headers.get(name, default_value)
        return value if value is None or isinstance(value, str) else str(value)
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value if value is None or isinstance(value, str) else str(value)
    return default_value
