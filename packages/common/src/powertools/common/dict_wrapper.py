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

# An instance without running __init__: only for classes that keep DictWrapper's __init__
# (tools/guards/tests/test_guard_dict_wrapper.py checks every call site).
new_wrapper = _new_object = object.__new__


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
        self._data = data
        # The common case (a plain dict, no deserializer) costs one test; the rest is rare.
        # Slots left unset cost nothing: _cache is created on first use (most wrappers never
        # need it) and _custom_deserializer only when one is given.
        if type(data) is not dict or json_deserializer is not None:
            self._init_rare(data, json_deserializer)

    def _init_rare(self, data: Mapping[str, Any], json_deserializer: JsonDeserializer | None) -> None:
        if type(data) is not dict and not isinstance(data, Mapping):  # the ABC check is slow: dicts skip it
            raise InvalidEventError(
                f"{type(self).__name__} expects the event as a JSON object (dict), got {type(data).__name__}"
            )
        if json_deserializer is not None:
            self._custom_deserializer = json_deserializer

    # True while a class keeps the __init__ above: only such classes may be built by
    # filling their slot directly (wrap_section), since that skips __init__.
    _plain_init = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._plain_init = cls.__init__ is DictWrapper.__init__

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

    # repr() is object's (class and address): an event often carries secrets, and a repr
    # lands in tracebacks and logs. str() lists the properties, as upstream, without the raw event.
    def __str__(self) -> str:
        return str(self._str_helper())

    # Property names str() shows as "[SENSITIVE]"; subclasses add theirs (upstream's hook).
    _sensitive_properties: tuple[str, ...] | list[str] = ()

    def _str_helper(self) -> dict[str, Any]:
        """The class's properties and their values, nested wrappers as dicts (for ``str()``)."""
        hidden = {"raw_event", *self._sensitive_properties}
        result: dict[str, Any] = {}
        for name in self._properties():
            if name in hidden:
                result[name] = "[SENSITIVE]"
                continue
            try:
                value = getattr(self, name)
            except Exception:  # a malformed field must not stop the rest from printing
                result[name] = "[Cannot be deserialized]"
                continue
            if isinstance(value, DictWrapper):
                value = value._str_helper()
            elif isinstance(value, list):
                value = [item._str_helper() if isinstance(item, DictWrapper) else item for item in value]
            result[name] = value
        return result

    def _properties(self) -> list[str]:
        """Public property names, sorted (properties and the data-classes field descriptors)."""
        cls = type(self)
        return [
            name
            for name in dir(cls)
            if not name.startswith("_")
            and (isinstance(attr := getattr(cls, name, None), property) or getattr(attr, "event_property", False))
        ]

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


def wrap_section(cls: type[WrapperT], data: Any) -> WrapperT:
    """``cls(data)`` for a nested object of an event (a request context, an identity).

    Properties hand out these wrappers on every access, and on CPython 3.11 calling a
    class with a Python ``__init__`` costs more than the rest of the property together.
    A plain dict needs none of ``__init__``'s checks, so its slot is filled directly;
    anything else, or a class with its own ``__init__``, goes through ``cls(data)``.
    """
    if type(data) is not dict or not cls._plain_init:
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


class InvalidJsonError(InvalidEventError, json.JSONDecodeError):
    """A field holds malformed JSON.

    It is an ``InvalidEventError`` naming the field, and also the ``json.JSONDecodeError``
    upstream raises there (with its ``msg``, ``doc``, ``pos``, ``lineno`` and ``colno``),
    so ``except json.JSONDecodeError`` written for upstream keeps working.
    """

    def __init__(self, message: str, *, field: str, cause: json.JSONDecodeError) -> None:
        json.JSONDecodeError.__init__(self, cause.msg, cause.doc, cause.pos)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        cause = json.JSONDecodeError(self.msg, self.doc, self.pos)
        return (_rebuild_json_error, (self.message, self.field, cause))


def _rebuild_json_error(message: str, field: str, cause: json.JSONDecodeError) -> InvalidJsonError:
    return InvalidJsonError(message, field=field, cause=cause)


def parse_json(value: str | bytes | None, *, field: str, deserializer: JsonDeserializer = json.loads) -> Any:
    """Parse JSON, naming the field (and position) when it is malformed or nested too deeply."""
    if value is None:
        return None
    try:
        return deserializer(value)  # type: ignore[arg-type]
    except json.JSONDecodeError as exc:
        raise InvalidJsonError(
            f"{field} is not valid JSON: {exc.msg} at position {exc.pos}", field=field, cause=exc
        ) from None
    except RecursionError:
        # json.loads recurses once per nesting level: a hostile document of ~1000 brackets
        # would otherwise escape as RecursionError from deep inside the decoder.
        raise InvalidEventError(f"{field} is JSON nested too deeply to parse", field=field) from None
    except (TypeError, ValueError) as exc:
        raise InvalidEventError(f"{field} is not valid JSON: {exc}", field=field) from None


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
