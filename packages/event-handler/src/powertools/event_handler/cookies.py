"""Response cookies: ``Response(cookies=[Cookie("session", token, http_only=True)])``."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

__all__ = ["Cookie", "SameSite"]


class SameSite(Enum):
    """Whether the browser sends the cookie on cross-site requests."""

    DEFAULT_MODE = ""
    LAX_MODE = "Lax"
    STRICT_MODE = "Strict"
    NONE_MODE = "None"


class Cookie:
    """One ``Set-Cookie`` value (RFC 6265). ``secure`` is on by default."""

    __slots__ = (
        "custom_attributes",
        "domain",
        "expires",
        "http_only",
        "max_age",
        "name",
        "path",
        "same_site",
        "secure",
        "value",
    )

    def __init__(
        self,
        name: str,
        value: str,
        path: str = "",
        domain: str = "",
        secure: bool = True,
        http_only: bool = False,
        max_age: int | None = None,
        expires: datetime | None = None,
        same_site: SameSite | None = None,
        custom_attributes: list[str] | None = None,
    ) -> None:
        # A ";" or newline in a name or value would let a caller inject attributes or headers.
        for label, text in (("name", name), ("value", value), ("path", path), ("domain", domain)):
            if any(ch in text for ch in ";\r\n"):
                raise ValueError(f"cookie {label} must not contain ';' or line breaks: {text!r}")
        if not name:
            raise ValueError("cookie name must not be empty")
        self.name = name
        self.value = value
        self.path = path
        self.domain = domain
        self.secure = secure
        self.http_only = http_only
        self.max_age = max_age
        self.expires = expires
        self.same_site = same_site
        self.custom_attributes = custom_attributes

    def __str__(self) -> str:
        parts = [f"{self.name}={self.value}"]
        if self.path:
            parts.append(f"Path={self.path}")
        if self.domain:
            parts.append(f"Domain={self.domain}")
        if self.expires:
            parts.append(f"Expires={self.expires.strftime('%a, %d %b %Y %H:%M:%S GMT')}")
        if self.max_age is not None:
            # Zero or negative asks the browser to delete the cookie now.
            parts.append(f"Max-Age={max(self.max_age, 0)}")
        if self.http_only:
            parts.append("HttpOnly")
        if self.secure:
            parts.append("Secure")
        if self.same_site:
            parts.append(f"SameSite={self.same_site.value}")
        if self.custom_attributes:
            parts.extend(self.custom_attributes)
        return "; ".join(parts)

    def __repr__(self) -> str:
        return f"Cookie({self.name!r}, ...)"
