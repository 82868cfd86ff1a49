"""Response: what a route returns when a dict or a (dict, status) tuple isn't enough."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from powertools.event_handler.content_types import APPLICATION_JSON

if TYPE_CHECKING:
    from powertools.event_handler.cookies import Cookie

__all__ = ["Response"]

ResponseT = TypeVar("ResponseT")


class Response(Generic[ResponseT]):
    """An HTTP response.

    ``body`` may be a str (sent as is), bytes (sent base64-encoded) or, with a JSON
    ``content_type``, any value the resolver's serializer accepts. A header given as a
    list is sent as several values. ``compress=True/False`` overrides the route's setting.
    """

    __slots__ = ("base64_encoded", "body", "compress", "content_type", "cookies", "headers", "status_code")

    def __init__(
        self,
        status_code: int,
        content_type: str | None = None,
        body: ResponseT | None = None,
        headers: Mapping[str, str | list[str]] | None = None,
        cookies: list[Cookie] | None = None,
        compress: bool | None = None,
    ) -> None:
        self.status_code = int(status_code)
        self.body: Any = body
        self.base64_encoded = False
        self.headers: dict[str, str | list[str]] = dict(headers) if headers else {}
        self.cookies: list[Cookie] = list(cookies) if cookies else []
        self.compress = compress
        self.content_type = content_type
        if content_type:
            self.headers.setdefault("Content-Type", content_type)

    def is_json(self) -> bool:
        """True when the Content-Type header says JSON."""
        content_type = self.headers.get("Content-Type", "")
        if isinstance(content_type, list):
            content_type = content_type[0] if content_type else ""
        return content_type.startswith(APPLICATION_JSON)

    def __repr__(self) -> str:
        return f"Response(status_code={self.status_code}, headers={self.headers!r})"
