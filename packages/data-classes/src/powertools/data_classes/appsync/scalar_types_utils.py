"""Values for AppSync's scalar types: AWSDate, AWSTime, AWSDateTime, AWSTimestamp and ID."""

from __future__ import annotations

import time
import uuid
from datetime import datetime, timedelta, timezone

__all__ = ["aws_date", "aws_datetime", "aws_time", "aws_timestamp", "make_id"]


def make_id() -> str:
    """A new random ``ID`` (UUID4)."""
    return str(uuid.uuid4())


def _now(timezone_offset: int) -> datetime:
    # AppSync accepts offsets of at most +/-24h; datetime enforces the same bound.
    return datetime.now(timezone(timedelta(hours=timezone_offset)))


def _suffix(timezone_offset: int) -> str:
    if timezone_offset == 0:
        return "Z"
    sign = "+" if timezone_offset > 0 else "-"
    return f"{sign}{abs(timezone_offset):02d}:00:00"


def aws_date(timezone_offset: int = 0) -> str:
    """Today as ``AWSDate``: ``2024-05-14Z`` or ``2024-05-14+08:00:00``."""
    return _now(timezone_offset).strftime("%Y-%m-%d") + _suffix(timezone_offset)


def aws_time(timezone_offset: int = 0) -> str:
    """Now as ``AWSTime``: ``10:15:30.123Z`` (milliseconds)."""
    now = _now(timezone_offset)
    return now.strftime("%H:%M:%S.") + f"{now.microsecond // 1000:03d}" + _suffix(timezone_offset)


def aws_datetime(timezone_offset: int = 0) -> str:
    """Now as ``AWSDateTime``: ``2024-05-14T10:15:30.123Z``."""
    now = _now(timezone_offset)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}" + _suffix(timezone_offset)


def aws_timestamp() -> int:
    """Now as ``AWSTimestamp``: epoch seconds."""
    return int(time.time())
