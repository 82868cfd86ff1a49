"""Descriptors that read event fields: one line per field instead of a property each.

Each is a non-data descriptor, so reading ``event.message_id`` costs one dict lookup,
the same as a hand-written property, and a missing key reads as None rather than
raising ``KeyError``.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from enum import Enum
from typing import Any, Generic, TypeVar, overload

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.events.text import decode_utf8
from powertools.common.exceptions import InvalidEventError

T = TypeVar("T")
W = TypeVar("W", bound=DictWrapper)


class Field(Generic[T]):
    """The raw value under ``key``, or None when the event doesn't carry it."""

    event_property = True  # str() of a wrapper lists it like a property

    def __init__(self, key: str, doc: str | None = None) -> None:
        self.key = key
        self.__doc__ = doc or f"The event's ``{key}`` value."

    @overload
    def __get__(self, obj: None, owner: type) -> Field[T]: ...
    @overload
    def __get__(self, obj: DictWrapper, owner: type) -> T | None: ...
    def __get__(self, obj: DictWrapper | None, owner: type) -> Any:
        if obj is None:
            return self
        return obj._data.get(self.key)


class FieldOr(Generic[T]):
    """The raw value under ``key``, or a fresh ``default()`` when it is absent, null or empty.

    For the fields upstream reads as ``event.get(key) or <default>``: an empty dict, list
    or string instead of None, so the same code runs on both.
    """

    event_property = True  # str() of a wrapper lists it like a property

    def __init__(self, key: str, default: Callable[[], T], doc: str | None = None) -> None:
        self.key = key
        self.default = default
        self.__doc__ = doc or f"The event's ``{key}`` value (empty when absent)."

    @overload
    def __get__(self, obj: None, owner: type) -> FieldOr[T]: ...
    @overload
    def __get__(self, obj: DictWrapper, owner: type) -> T: ...
    def __get__(self, obj: DictWrapper | None, owner: type) -> Any:
        if obj is None:
            return self
        return obj._data.get(self.key) or self.default()


class Flag:
    """A boolean field: ``bool()`` of the raw value, so absent or null reads as False (as upstream)."""

    event_property = True  # str() of a wrapper lists it like a property

    def __init__(self, key: str, doc: str | None = None) -> None:
        self.key = key
        self.__doc__ = doc or f"The event's ``{key}`` flag (False when absent or null)."

    @overload
    def __get__(self, obj: None, owner: type) -> Flag: ...
    @overload
    def __get__(self, obj: DictWrapper, owner: type) -> bool: ...
    def __get__(self, obj: DictWrapper | None, owner: type) -> Any:
        if obj is None:
            return self
        return bool(obj._data.get(self.key))


class Section(Generic[W]):
    """A nested object wrapped in ``cls``.

    A missing required section reads as an empty wrapper (so ``a.b.c`` gives None);
    a missing optional one reads as None. A non-object value is a typed error.
    """

    event_property = True  # str() of a wrapper lists it like a property

    def __init__(self, cls: type[W], key: str, *, optional: bool = False, doc: str | None = None) -> None:
        self.cls = cls
        self.key = key
        self.optional = optional
        self.__doc__ = doc or f"The event's ``{key}`` object as ``{cls.__name__}``."

    @overload
    def __get__(self, obj: None, owner: type) -> Section[W]: ...
    @overload
    def __get__(self, obj: DictWrapper, owner: type) -> W: ...
    def __get__(self, obj: DictWrapper | None, owner: type) -> Any:
        if obj is None:
            return self
        value = obj._data.get(self.key)
        if value is None:
            return None if self.optional else self.cls({}, obj._json_deserializer)
        return self.cls(mapping(value, self.key), obj._json_deserializer)


class ListOf(Generic[W]):
    """A list of objects, each wrapped in ``cls``."""

    event_property = True  # str() of a wrapper lists it like a property

    def __init__(self, cls: type[W], key: str, *, doc: str | None = None) -> None:
        self.cls = cls
        self.key = key
        self.__doc__ = doc or f"The event's ``{key}`` list, each item as ``{cls.__name__}``."

    @overload
    def __get__(self, obj: None, owner: type) -> ListOf[W]: ...
    @overload
    def __get__(self, obj: DictWrapper, owner: type) -> list[W]: ...
    def __get__(self, obj: DictWrapper | None, owner: type) -> Any:
        if obj is None:
            return self
        return list(wrap_list(obj, self.key, self.cls))


class Records(Generic[W]):
    """A list of records, yielded one by one as upstream does (``next(event.records)`` works)."""

    event_property = True  # str() of a wrapper lists it like a property

    def __init__(self, cls: type[W], key: str = "Records", *, doc: str | None = None) -> None:
        self.cls = cls
        self.key = key
        self.__doc__ = doc or f"The event's ``{key}``, each as ``{cls.__name__}``."

    @overload
    def __get__(self, obj: None, owner: type) -> Records[W]: ...
    @overload
    def __get__(self, obj: DictWrapper, owner: type) -> Iterator[W]: ...
    def __get__(self, obj: DictWrapper | None, owner: type) -> Any:
        if obj is None:
            return self
        return wrap_list(obj, self.key, self.cls)


def wrap_list(obj: DictWrapper, key: str, cls: type[W]) -> Iterator[W]:
    """Each item of the list under ``key`` wrapped in ``cls``; nothing when it is absent."""
    items = sequence(obj._data.get(key), key)
    deserializer = obj._json_deserializer
    return (cls(mapping(item, key), deserializer) for item in items)


def mapping(value: Any, field: str) -> Mapping[str, Any]:
    """``value`` when it is a JSON object, else a typed error naming ``field``."""
    if isinstance(value, Mapping):
        return value
    raise InvalidEventError(f"{field} must be a JSON object, got {type(value).__name__}", field=field)


def sequence(value: Any, field: str) -> list[Any]:
    """``value`` when it is a JSON array (None reads as empty), else a typed error."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    raise InvalidEventError(f"{field} must be a JSON array, got {type(value).__name__}", field=field)


def text(value: Any, field: str) -> str:
    """``value`` when it is a string, else a typed error naming ``field``."""
    if isinstance(value, str):
        return value
    raise InvalidEventError(f"{field} must be a string, got {type(value).__name__}", field=field)


def utf8(raw: bytes, field: str) -> str:
    """Decoded bytes as UTF-8 text, naming ``field`` when they are not.

    The error is an ``InvalidEventError`` and also the ``UnicodeDecodeError`` upstream raises.
    """
    return decode_utf8(raw, field=field)


def base64_text(value: Any, field: str) -> str | None:
    """Base64 text decoded to UTF-8 text; None stays None."""
    if value is None:
        return None
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError, TypeError) as exc:
        raise InvalidEventError(f"{field} is not valid base64: {exc}", field=field) from None
    return utf8(raw, field)


E = TypeVar("E", bound=Enum)


class EnumField(Generic[E]):
    """The value under ``key`` as a member of ``enum`` (by member name); None when absent."""

    event_property = True  # str() of a wrapper lists it like a property

    def __init__(self, enum: type[E], key: str, *, doc: str | None = None) -> None:
        self.enum = enum
        self.key = key
        self.__doc__ = doc or f"The event's ``{key}`` as ``{enum.__name__}``."

    @overload
    def __get__(self, obj: None, owner: type) -> EnumField[E]: ...
    @overload
    def __get__(self, obj: DictWrapper, owner: type) -> E | None: ...
    def __get__(self, obj: DictWrapper | None, owner: type) -> Any:
        if obj is None:
            return self
        value = obj._data.get(self.key)
        if value is None:
            return None
        member = self.enum.__members__.get(value) if isinstance(value, str) else None
        if member is None:
            allowed = ", ".join(self.enum.__members__)
            raise InvalidEventError(f"{self.key}={value!r:.80} is not one of {allowed}", field=self.key)
        return member


class Settable(Field[T]):
    """A field the function sets to answer (Cognito trigger responses).

    Writes go into the raw event, which is what the handler returns to the service.
    """

    def __set__(self, obj: DictWrapper, value: T) -> None:
        writable(obj)[self.key] = value


class SettableOr(FieldOr[T]):
    """A response field read like ``FieldOr`` (empty default) that the function sets to answer."""

    def __set__(self, obj: DictWrapper, value: T) -> None:
        writable(obj)[self.key] = value


class SettableFlag(Flag):
    """A response flag read like ``Flag`` (False when unset) that the function sets to answer."""

    def __set__(self, obj: DictWrapper, value: bool) -> None:
        writable(obj)[self.key] = value


def writable(obj: DictWrapper) -> MutableMapping[str, Any]:
    """The wrapper's raw dict, when it can be written to."""
    if isinstance(obj._data, MutableMapping):
        return obj._data
    raise InvalidEventError(f"{type(obj).__name__} wraps a read-only mapping; response fields cannot be set")


class ResponseSection(Generic[W]):
    """A nested object the function fills in; created in the raw event when absent."""

    event_property = True  # str() of a wrapper lists it like a property

    def __init__(self, cls: type[W], key: str, *, doc: str | None = None) -> None:
        self.cls = cls
        self.key = key
        self.__doc__ = doc or f"The event's ``{key}`` object as ``{cls.__name__}`` (created if absent)."

    @overload
    def __get__(self, obj: None, owner: type) -> ResponseSection[W]: ...
    @overload
    def __get__(self, obj: DictWrapper, owner: type) -> W: ...
    def __get__(self, obj: DictWrapper | None, owner: type) -> Any:
        if obj is None:
            return self
        value = obj._data.get(self.key)
        if value is None:
            value = {}
            if isinstance(obj._data, MutableMapping):
                obj._data[self.key] = value
        return self.cls(mapping(value, self.key), obj._json_deserializer)


class SettableSection(Section[W]):
    """A nested object the function may replace wholesale (``event.x = {...}``)."""

    def __set__(self, obj: DictWrapper, value: Mapping[str, Any]) -> None:
        writable(obj)[self.key] = value


class SettableResponseSection(ResponseSection[W]):
    """A ``ResponseSection`` the function may also replace wholesale (``event.x = {...}``)."""

    def __set__(self, obj: DictWrapper, value: Mapping[str, Any]) -> None:
        writable(obj)[self.key] = value
