"""A bounded LRU cache of compiled schema validators.

Compiling a JSON Schema with fastjsonschema generates and executes Python code:
milliseconds per schema. Upstream does it on every call; we do it once per
distinct (schema content, formats, handlers, provider options) and keep the
most recently used ``maxsize`` validators.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, NamedTuple

__all__ = [
    "DEFAULT_SCHEMA_CACHE_SIZE",
    "SchemaCacheInfo",
    "CompiledSchemaCache",
    "schema_cache_info",
    "clear_schema_cache",
    "set_schema_cache_size",
]

DEFAULT_SCHEMA_CACHE_SIZE = 128

CompiledValidator = Callable[[Any], Any]


class SchemaCacheInfo(NamedTuple):
    hits: int
    misses: int
    evictions: int
    size: int
    maxsize: int


class CompiledSchemaCache:
    """Thread-safe LRU map from a cache key to a compiled validator."""

    def __init__(self, maxsize: int = DEFAULT_SCHEMA_CACHE_SIZE) -> None:
        self._entries: OrderedDict[Hashable, CompiledValidator] = OrderedDict()
        self._lock = threading.Lock()
        self._maxsize = _checked_size(maxsize)
        self._hits = self._misses = self._evictions = 0

    def get_or_compile(self, key: Hashable, compile_validator: Callable[[], CompiledValidator]) -> CompiledValidator:
        cacheable = _hashable(key)
        with self._lock:
            compiled = self._entries.get(key) if cacheable else None
            if compiled is not None:
                self._hits += 1
                self._entries.move_to_end(key)
                return compiled
            self._misses += 1
        # Compile outside the lock: it may call user handlers (network) and takes milliseconds.
        # Two threads racing on the same new schema both compile; the results are equivalent.
        compiled = compile_validator()
        if cacheable and self._maxsize:
            with self._lock:
                self._entries[key] = compiled
                self._entries.move_to_end(key)
                self._evict()
        return compiled

    def info(self) -> SchemaCacheInfo:
        with self._lock:
            return SchemaCacheInfo(self._hits, self._misses, self._evictions, len(self._entries), self._maxsize)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._hits = self._misses = self._evictions = 0

    def resize(self, maxsize: int) -> None:
        with self._lock:
            self._maxsize = _checked_size(maxsize)
            self._evict()

    def _evict(self) -> None:
        while len(self._entries) > self._maxsize:
            self._entries.popitem(last=False)
            self._evictions += 1


def _hashable(key: Hashable) -> bool:
    # A key holding an unhashable callable (a format or handler object) is still valid input:
    # it just can't be cached, so it compiles every time.
    try:
        hash(key)
    except TypeError:
        return False
    return True


def _checked_size(maxsize: int) -> int:
    if isinstance(maxsize, bool) or not isinstance(maxsize, int) or maxsize < 0:
        raise ValueError(f"schema cache size must be a non-negative integer, got {maxsize!r}")
    return maxsize


SCHEMA_CACHE = CompiledSchemaCache()


def schema_cache_info() -> SchemaCacheInfo:
    """Hits, misses, evictions, current size and maximum size of the compiled-schema cache."""
    return SCHEMA_CACHE.info()


def clear_schema_cache() -> None:
    """Forget every compiled schema and reset the counters."""
    SCHEMA_CACHE.clear()


def set_schema_cache_size(maxsize: int) -> None:
    """Keep at most ``maxsize`` compiled schemas (0 disables caching); evicts the oldest now if needed."""
    SCHEMA_CACHE.resize(maxsize)
