"""The per-invocation record buffer: bounded by bytes, oldest evicted first."""

from __future__ import annotations

import logging
from collections import deque


class InvocationBuffer:
    """Records of one invocation; switching to another invocation key drops the previous ones.

    Sizes are estimates of the record's text (message, arguments, extra keys):
    cheap to compute, and what dominates the bytes a record costs once written.
    """

    __slots__ = ("_key", "_records", "_size", "evicted", "max_bytes")

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._key: str | None = None
        self._records: deque[tuple[logging.LogRecord, int]] = deque()
        self._size = 0
        self.evicted = 0

    @property
    def key(self) -> str | None:
        return self._key

    @property
    def size(self) -> int:
        return self._size

    def __len__(self) -> int:
        return len(self._records)

    def add(self, key: str, record: logging.LogRecord, size: int) -> bool:
        """Buffer ``record``; False when it alone is larger than the whole buffer (caller writes it now)."""
        if key != self._key:
            self.clear()
            self._key = key
        if size > self.max_bytes:
            return False
        while self._records and self._size + size > self.max_bytes:
            _, old_size = self._records.popleft()
            self._size -= old_size
            self.evicted += 1
        self._records.append((record, size))
        self._size += size
        return True

    def records(self, key: str) -> list[logging.LogRecord]:
        """The buffered records of invocation ``key``, oldest first (none for another invocation)."""
        if key != self._key:
            return []
        return [record for record, _ in self._records]

    def clear(self) -> None:
        self._records.clear()
        self._size = 0
        self.evicted = 0
        self._key = None


def estimate_size(record: logging.LogRecord) -> int:
    """Rough byte count of a record once written: message, args and extra keys as text."""
    from powertools.logger.formatter import _NOT_EXTRA
    from powertools.logger.serialization import safe_str

    size = 160 + len(safe_str(record.msg))  # 160: level, location, timestamp and service keys
    if record.args:
        size += len(safe_str(record.args))
    for key, value in record.__dict__.items():
        if key not in _NOT_EXTRA:
            size += len(key) + len(safe_str(value)) + 6
    return size
