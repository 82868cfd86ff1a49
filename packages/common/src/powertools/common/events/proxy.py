"""What every HTTP-shaped Lambda event has in common (API Gateway, ALB, Function URL, VPC Lattice).

The event handler routes on these properties and the data-classes catalog
re-exports them. Each integration encodes headers, query strings and cookies
differently; the ``resolved_*`` properties give one shape for all of them, and
``header_serializer()`` says how a response must encode them back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, overload

from powertools.common.dict_wrapper import DictWrapper, decode_base64, parse_json
from powertools.common.exceptions import InvalidEventError

__all__ = [
    "BaseHeadersSerializer",
    "BaseProxyEvent",
    "CaseInsensitiveDict",
    "HttpApiHeadersSerializer",
    "MultiValueHeadersSerializer",
    "SingleValueHeadersSerializer",
    "parse_cookie_header",
]


class CaseInsensitiveDict(dict):
    """A dict of HTTP headers whose keys are stored lower-case, so any spelling finds them.

    It stays a real ``dict`` so it can be JSON-serialized, logged and compared as usual.
    """

    def __init__(self, data: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None) -> None:
        super().__init__()
        if data is not None:
            self.update(data)

    def update(self, data: Any = None, /, **kwargs: Any) -> None:
        if data is not None:
            items = data.items() if isinstance(data, Mapping) else data
            super().update((str(key).lower(), value) for key, value in items)
        super().update((key.lower(), value) for key, value in kwargs.items())

    def __getitem__(self, key: str) -> Any:
        return super().__getitem__(key.lower())

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key.lower(), value)

    def __delitem__(self, key: str) -> None:
        super().__delitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key.lower() if isinstance(key, str) else key)

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)

    def pop(self, key: str, *default: Any) -> Any:
        return super().pop(key.lower(), *default)

    def setdefault(self, key: str, default: Any = None) -> Any:
        return super().setdefault(key.lower(), default)

    def copy(self) -> CaseInsensitiveDict:
        return CaseInsensitiveDict(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict.__eq__(self, other if isinstance(other, CaseInsensitiveDict) else CaseInsensitiveDict(other))

    __hash__ = None


def parse_cookie_header(value: str) -> dict[str, str]:
    """``"a=1; b=2"`` -> ``{"a": "1", "b": "2"}``; segments without ``=`` are ignored."""
    cookies: dict[str, str] = {}
    for segment in value.split(";"):
        name, sep, cookie_value = segment.strip().partition("=")
        if sep:
            cookies[name.strip()] = cookie_value.strip()
    return cookies


# --- response header encodings --------------------------------------------------------------


class BaseHeadersSerializer:
    """Turns response headers and cookies into the keys a given integration expects."""

    def serialize(self, headers: Mapping[str, str | list[str]], cookies: list[Any]) -> dict[str, Any]:
        raise NotImplementedError


class HttpApiHeadersSerializer(BaseHeadersSerializer):
    """HTTP API (payload 2.0), Function URL and VPC Lattice: comma-joined headers, a ``cookies`` list."""

    def serialize(self, headers: Mapping[str, str | list[str]], cookies: list[Any]) -> dict[str, Any]:
        joined: dict[str, str] = {}
        for name, values in headers.items():
            if values is None:
                continue
            joined[name] = values if isinstance(values, str) else ", ".join(values)
        return {"headers": joined, "cookies": [str(cookie) for cookie in cookies]}


class MultiValueHeadersSerializer(BaseHeadersSerializer):
    """REST API (payload 1.0) and ALB with multi-value headers on: every header a list."""

    def serialize(self, headers: Mapping[str, str | list[str]], cookies: list[Any]) -> dict[str, Any]:
        # Header names are unique keys, so each becomes one fresh list.
        payload: dict[str, list[str]] = {
            name: [values] if isinstance(values, str) else list(values)
            for name, values in headers.items()
            if values is not None
        }
        if cookies:
            payload.setdefault("Set-Cookie", []).extend(str(cookie) for cookie in cookies)
        return {"multiValueHeaders": payload}


class SingleValueHeadersSerializer(BaseHeadersSerializer):
    """ALB with multi-value headers off (its default): one value per header, the last one wins."""

    def serialize(self, headers: Mapping[str, str | list[str]], cookies: list[Any]) -> dict[str, Any]:
        import warnings

        single: dict[str, str] = {}
        if cookies:
            if len(cookies) > 1:
                warnings.warn(
                    "Only the last of several cookies can be sent: enable multiValueHeaders on the ALB target group "
                    "to send them all.",
                    stacklevel=2,
                )
            single["Set-Cookie"] = str(cookies[-1])
        for name, values in headers.items():
            if values is None:
                continue
            if isinstance(values, str):
                single[name] = values
                continue
            if len(values) > 1:
                warnings.warn(
                    f"Only the last value of header {name!r} can be sent: enable multiValueHeaders on the ALB "
                    "target group to send them all.",
                    stacklevel=2,
                )
            if values:
                single[name] = values[-1]
        return {"headers": single}


# Serializers keep no state, so every event shares one of each.
HTTP_API_HEADERS = HttpApiHeadersSerializer()
MULTI_VALUE_HEADERS = MultiValueHeadersSerializer()
SINGLE_VALUE_HEADERS = SingleValueHeadersSerializer()


# --- the request ----------------------------------------------------------------------------


class BaseProxyEvent(DictWrapper):
    """An HTTP request delivered by a Lambda proxy integration."""

    __slots__ = ()

    def _require(self, key: str) -> Any:
        """A field the integration always sends; its absence means this isn't such an event."""
        try:
            return self._data[key]
        except KeyError:
            raise self._missing(key) from None

    def _missing(self, key: str) -> InvalidEventError:
        return InvalidEventError(
            f"{type(self).__name__} requires the field {key!r}, which the event does not have", field=key
        )

    def _wrong_type(self, field: str, expected: str, value: Any) -> InvalidEventError:
        return InvalidEventError(
            f"{type(self).__name__} field {field!r} must be {expected}, not {type(value).__name__}", field=field
        )

    def _mapping(self, key: str) -> dict[str, Any]:
        """A map the integration sends as an object or null; anything else is not its event."""
        value = self._data.get(key)
        if type(value) is dict:
            return value
        if not value:  # null, or an empty value of another type
            return {}
        if isinstance(value, Mapping):
            return dict(value)
        raise self._wrong_type(key, "an object", value)

    def _text(self, field: str, value: Any) -> str:
        if type(value) is not str:
            raise self._wrong_type(field, "a string", value)
        return value

    def _texts(self, field: str, values: Any) -> list[str]:
        """A list of strings (a multi-value header or query parameter); one string counts as a list of one."""
        if type(values) is str:
            return [values]
        if type(values) is not list or any(type(value) is not str for value in values):
            raise self._wrong_type(field, "a list of strings", values)
        return values

    @property
    def headers(self) -> dict[str, str]:
        """Request headers; look-ups ignore case (``headers["content-type"]``)."""
        return self._cached("headers", lambda: CaseInsensitiveDict(self._section("headers")))

    @property
    def query_string_parameters(self) -> dict[str, str]:
        value = self._data.get("queryStringParameters")
        # _mapping's common case inlined: most requests read this
        return value if type(value) is dict else self._mapping("queryStringParameters")

    @property
    def multi_value_query_string_parameters(self) -> dict[str, list[str]]:
        return self._mapping("multiValueQueryStringParameters")

    @property
    def resolved_query_string_parameters(self) -> dict[str, list[str]]:
        """Every query parameter as a list of values, whichever way the integration encoded them."""
        return {
            name: self._text(f"queryStringParameters.{name}", value).split(",")
            for name, value in self.query_string_parameters.items()
        }

    @property
    def resolved_headers_field(self) -> dict[str, Any]:
        """The headers in the richest form the integration sent (lists where it sends lists)."""
        return self.headers

    @property
    def resolved_cookies_field(self) -> dict[str, str]:
        """Request cookies by name, parsed from the ``Cookie`` header."""
        raw: Any = self.headers.get("cookie") or self.resolved_headers_field.get("cookie") or ""
        if type(raw) is not str:
            raw = "; ".join(self._texts("headers.cookie", raw))
        return parse_cookie_header(raw) if raw else {}

    @property
    def is_base64_encoded(self) -> bool | None:
        return self._data.get("isBase64Encoded")

    @property
    def body(self) -> str | None:
        return self._data.get("body")

    @property
    def decoded_body(self) -> str | None:
        """The body as text, base64-decoded when the integration encoded it."""
        return self._cached("decoded_body", self._decode_body)

    def _decode_body(self) -> str | None:
        body = self.body
        if not body or not self.is_base64_encoded:
            return body
        # Imported here: only base64 bodies need it, and the cold import of the HTTP shapes stays lean.
        # Its InvalidTextError is also the UnicodeDecodeError upstream raises here.
        from powertools.common.events.text import decode_utf8

        return decode_utf8(
            decode_base64(body, field="body"), field="body", message="body is base64 of bytes that are not UTF-8 text"
        )

    @property
    def json_body(self) -> Any:
        """The body parsed as JSON (once per event); None when there is no body."""
        return self._cached(
            "json_body",
            lambda: parse_json(self.decoded_body or None, field="body", deserializer=self._json_deserializer),
        )

    @property
    def path(self) -> str:
        try:  # _require inlined: the router reads this on every request
            return self._data["path"]
        except KeyError:
            raise self._missing("path") from None

    @property
    def http_method(self) -> str:
        try:  # _require inlined: the router reads this on every request
            return self._data["httpMethod"]
        except KeyError:
            raise self._missing("httpMethod") from None

    @overload
    def get_query_string_value(self, name: str, default_value: str) -> str: ...

    @overload
    def get_query_string_value(self, name: str, default_value: str | None = None) -> str | None: ...

    def get_query_string_value(self, name: str, default_value: str | None = None) -> str | None:
        """One query parameter's value, or ``default_value``."""
        params = self.query_string_parameters
        return default_value if params is None else params.get(name, default_value)

    def get_multi_value_query_string_values(self, name: str, default_values: list[str] | None = None) -> list[str]:
        """All values of a query parameter, or ``default_values`` (empty list by default)."""
        values = self.resolved_query_string_parameters.get(name)
        if values is None:
            return list(default_values or [])
        return list(self._texts(f"multiValueQueryStringParameters.{name}", values))

    @overload
    def get_header_value(self, name: str, default_value: str, case_sensitive: bool = False) -> str: ...

    @overload
    def get_header_value(
        self, name: str, default_value: str | None = None, case_sensitive: bool = False
    ) -> str | None: ...

    def get_header_value(self, name: str, default_value: str | None = None, case_sensitive: bool = False) -> str | None:
        """A header's value; ``case_sensitive=True`` requires the exact spelling the client sent."""
        if case_sensitive:
            value = self._section("headers").get(name, default_value)
        else:
            value = self.headers.get(name, default_value)
        return value if value is None or isinstance(value, str) else str(value)

    def header_serializer(self) -> BaseHeadersSerializer:
        """How a response to this event encodes its headers and cookies."""
        return HTTP_API_HEADERS
