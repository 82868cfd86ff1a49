"""One HTTP request as the dev server read it off the socket, before any Lambda shaping."""

from __future__ import annotations

import base64
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote

# Bodies of these types travel as text in proxy events; anything else is base64 (binary).
_TEXT_TYPES = frozenset(
    {
        "application/json",
        "application/xml",
        "application/javascript",
        "application/x-www-form-urlencoded",
        "application/graphql",
        "application/yaml",
        "application/x-yaml",
    }
)


def is_text_content_type(content_type: str | None) -> bool:
    if not content_type:
        return True  # curl -d without a type, or an empty body: text, as API Gateway treats it
    media = content_type.split(";", 1)[0].strip().lower()
    return media.startswith("text/") or media in _TEXT_TYPES or media.endswith(("+json", "+xml"))


@dataclass
class HttpRequest:
    method: str
    target: str  # the request line's path and query, still percent-encoded
    headers: list[tuple[str, str]]  # in arrival order, repeats kept
    body: bytes
    source_ip: str
    host: str = "localhost"
    request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    time_epoch_ms: int = field(default_factory=lambda: int(time.time() * 1000))

    @property
    def raw_path(self) -> str:
        return self.target.split("?", 1)[0] or "/"

    @property
    def path(self) -> str:
        """The decoded path, as API Gateway passes it to the function."""
        return unquote(self.raw_path)

    @property
    def raw_query(self) -> str:
        _, _, query = self.target.partition("?")
        return query

    def query_pairs(self) -> list[tuple[str, str]]:
        return parse_qsl(self.raw_query, keep_blank_values=True)

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        for key, value in self.headers:
            if key.lower() == lowered:
                return value
        return None

    def cookies(self) -> list[str]:
        """Every ``name=value`` pair of every Cookie header (HTTP API v2 lists them apart)."""
        found: list[str] = []
        for key, value in self.headers:
            if key.lower() == "cookie":
                found.extend(part.strip() for part in value.split(";") if part.strip())
        return found

    def body_for_event(self) -> tuple[str | None, bool]:
        """``(body, isBase64Encoded)``: text types as text, anything else (or non-UTF-8) as base64."""
        if not self.body:
            return None, False
        if is_text_content_type(self.header("content-type")):
            try:
                return self.body.decode("utf-8"), False
            except UnicodeDecodeError:
                pass
        return base64.b64encode(self.body).decode("ascii"), True
