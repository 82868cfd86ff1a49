"""The request-header size bound: API Gateway caps headers at 10 KiB and ALB at 64 KiB."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["MAX_HEADER_BYTES", "header_bytes"]

# Anything beyond ALB's cap is not a real request.
MAX_HEADER_BYTES = 64 * 1024


def header_bytes(headers: Any) -> int:
    """Total characters in header names and values (every request pays this, so C-level fast path first)."""
    if type(headers) is not dict and not isinstance(headers, Mapping):  # the ABC check is slow
        return 0
    try:
        if type(next(iter(headers.values()), "")) is list:
            # Multi-value headers (and Lattice v2): still in C. Joining each value also takes a plain
            # string value whole, so a mixed map needs no Python loop.
            return len("".join([*headers, *map("".join, headers.values())]))
        # One join over one list: join() copies a dict view into a list first anyway.
        return len("".join([*headers, *headers.values()]))
    except TypeError:  # a non-string name, or a value that is neither a string nor a list of them
        pass
    total = 0
    for name, value in headers.items():
        total += len(name) if isinstance(name, str) else 0
        if isinstance(value, str):
            total += len(value)
        elif isinstance(value, list):
            total += sum(len(item) for item in value if isinstance(item, str))
    return total
