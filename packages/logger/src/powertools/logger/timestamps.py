"""Timestamp rendering with a per-second cache.

Formatting a timestamp through ``time.strftime`` costs more than the rest of a
log record together; within one second only the milliseconds change, so each
format is rendered once per second and the milliseconds are spliced in.
"""

from __future__ import annotations

import time
from collections.abc import Callable

MS_DIRECTIVE = "%F"  # upstream's custom directive: zero-padded milliseconds
DEFAULT_TIME_FORMAT = "%Y-%m-%d %H:%M:%S,%F%z"  # 2021-05-03 11:47:12,494+0000
RFC3339_ISO8601_FORMAT = "%Y-%m-%dT%H:%M:%S.%F%z"  # documented shape of use_rfc3339 output

_MSECS = tuple(f"{ms:03d}" for ms in range(1000))


class TimestampRenderer:
    """Renders ``created`` (epoch seconds) and ``msecs`` into one fixed format."""

    __slots__ = ("_converter", "_parts", "_rendered", "_rfc3339", "_second", "_utc")

    def __init__(self, datefmt: str | None, utc: bool, rfc3339: bool = False) -> None:
        self._utc = utc
        self._rfc3339 = rfc3339
        self._converter: Callable[[float], time.struct_time] = time.gmtime if utc else time.localtime
        self._parts = (datefmt or DEFAULT_TIME_FORMAT).split(MS_DIRECTIVE)
        self._second = -1
        self._rendered: list[str] = []

    def render(self, created: float, msecs: float) -> str:
        second = int(created)
        if second != self._second:
            self._rendered = self._render_second(second)
            self._second = second
        ms = int(msecs)
        return _MSECS[ms if 0 <= ms < 1000 else 999].join(self._rendered)

    def _render_second(self, second: int) -> list[str]:
        if self._rfc3339:
            return _rfc3339_parts(second, self._utc)
        struct = self._converter(second)
        return [time.strftime(part, struct) for part in self._parts]


def _rfc3339_parts(second: int, utc: bool) -> list[str]:
    # datetime only for this option; it isn't needed for the default format.
    from datetime import datetime, timezone

    moment = datetime.fromtimestamp(second, tz=timezone.utc) if utc else datetime.fromtimestamp(second).astimezone()
    # 2022-10-27T16:27:43.738+02:00 — isoformat gives the RFC 3339 offset with a colon.
    offset = moment.isoformat()[19:]
    return [moment.strftime("%Y-%m-%dT%H:%M:%S."), offset]


def render_with_datetime_directives(created: float, msecs: float, datefmt: str, utc: bool) -> str:
    """``datefmt`` read by ``datetime.strftime`` (supports %f, %z on local time, ...) plus %F."""
    from datetime import datetime, timezone

    moment = datetime.fromtimestamp(created, tz=timezone.utc) if utc else datetime.fromtimestamp(created).astimezone()
    return moment.strftime(datefmt.replace(MS_DIRECTIVE, _MSECS[min(max(int(msecs), 0), 999)]))
