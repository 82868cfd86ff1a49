"""Keys private to the current thread or asyncio task (``thread_safe_*`` methods).

A ContextVar, not a threading.local: each thread and each asyncio task sees its
own copy, so concurrent requests handled in one process never mix their keys.
The store is shared by every Logger in the process, as upstream's is.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a cold-start cost)
if TYPE_CHECKING:
    from typing import Any

_EMPTY: dict[str, Any] = {}
THREAD_LOCAL_KEYS: ContextVar[dict[str, Any]] = ContextVar("powertools_logger_thread_local_keys", default=_EMPTY)


def get_context_keys() -> dict[str, Any]:
    return THREAD_LOCAL_KEYS.get()


def set_context_keys(**keys: Any) -> None:
    # Always a new dict: a copy made by another thread/task must not see this change.
    THREAD_LOCAL_KEYS.set({**THREAD_LOCAL_KEYS.get(), **keys})


def remove_context_keys(keys: Iterable[str]) -> None:
    current = dict(THREAD_LOCAL_KEYS.get())
    for key in keys:
        current.pop(key, None)
    THREAD_LOCAL_KEYS.set(current)


def clear_context_keys() -> None:
    THREAD_LOCAL_KEYS.set(_EMPTY)
