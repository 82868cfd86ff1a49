"""Bounded inflate for compressed event payloads (CloudWatch Logs, Kinesis, JMESPath envelopes).

A few hundred KB of gzip can expand to gigabytes. Every utility that inflates event data
goes through ``inflate``, which stops at a byte limit and raises a typed error instead of
filling the function's memory.
"""

from __future__ import annotations

import zlib

from powertools.common.exceptions import InvalidEventError

__all__ = ["GZIP", "GZIP_OR_ZLIB", "MAX_INFLATED_BYTES", "InvalidCompressedDataError", "inflate"]

# CloudWatch Logs delivers at most ~1 MB of log events per batch; 64 MiB leaves ample room
# for any real payload while capping what a hostile one can allocate.
MAX_INFLATED_BYTES = 64 * 1024 * 1024

GZIP_OR_ZLIB = zlib.MAX_WBITS | 32  # detect the gzip or zlib header
GZIP = zlib.MAX_WBITS | 16  # a gzip header only

# Output is produced in steps of this size, so a bomb is noticed after at most one step
# past the limit and the memory held never exceeds limit + one step.
_STEP = 1024 * 1024


class InvalidCompressedDataError(InvalidEventError, zlib.error):
    """Compressed event data that is corrupt, truncated, or inflates past the limit.

    It is an ``InvalidEventError`` naming the field, and also the ``zlib.error`` upstream
    lets escape, so ``except zlib.error`` written for upstream keeps working.
    """


def inflate(data: bytes, *, field: str, limit: int = MAX_INFLATED_BYTES, wbits: int = GZIP_OR_ZLIB) -> bytes:
    """``data`` decompressed, or ``InvalidCompressedDataError`` naming ``field``.

    Refuses output longer than ``limit`` bytes, and corrupt or truncated streams. Bytes after
    the end of the compressed stream are ignored, as ``zlib.decompress`` ignores them.
    """
    inflater = zlib.decompressobj(wbits)
    chunks: list[bytes] = []
    size = 0
    pending = data
    try:
        while True:
            chunk = inflater.decompress(pending, min(_STEP, limit - size + 1))
            size += len(chunk)
            if size > limit:
                raise InvalidCompressedDataError(f"{field} inflates to more than {limit} bytes", field=field)
            chunks.append(chunk)
            pending = inflater.unconsumed_tail
            if inflater.eof or (not pending and not chunk):
                break
    except zlib.error as exc:
        if isinstance(exc, InvalidCompressedDataError):
            raise
        raise InvalidCompressedDataError(f"{field} is not gzip/zlib compressed data: {exc}", field=field) from None
    if not inflater.eof:
        raise InvalidCompressedDataError(f"{field} is truncated gzip/zlib data", field=field)
    return b"".join(chunks)
