"""IANA time zones by name, loaded once each (zoneinfo; the tzdata package where the OS has none)."""

from __future__ import annotations

import functools
from datetime import timezone, tzinfo


@functools.lru_cache(maxsize=64)
def get_timezone(name: str) -> tzinfo | None:
    """The zone called ``name`` (``"UTC"`` when empty), or None when there is no such zone."""
    if not name or name == "UTC":
        return timezone.utc
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name)
    except (ValueError, OSError, KeyError):  # not found (a KeyError), malformed key, unreadable file
        return None
