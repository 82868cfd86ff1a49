"""Bounds: a gzip bomb in a CloudWatch Logs or Kinesis payload is a typed error, with bounded memory."""

from __future__ import annotations

import base64
import tracemalloc
import zlib
from collections.abc import Callable
from typing import Any

import pytest

from powertools.common.compression import MAX_INFLATED_BYTES, InvalidCompressedDataError
from powertools.data_classes import CloudWatchLogsEvent, KinesisStreamEvent
from tools.reliability.ledger import LEDGER

# The inflate limit plus one 1 MiB step plus the base64 copies of the ~130 kB payload.
PEAK_LIMIT = MAX_INFLATED_BYTES + 8 * 1024 * 1024
CLAIM = f"InvalidCompressedDataError, peak traced memory < {PEAK_LIMIT // 2**20} MiB"


def _bomb() -> str:
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = b"\0" * (1024 * 1024)
    data = b"".join(compressor.compress(zeros) for _ in range(MAX_INFLATED_BYTES // len(zeros) * 2))
    return base64.b64encode(data + compressor.flush()).decode()


BOMB = _bomb()
READERS: dict[str, Callable[[str], Any]] = {
    "CloudWatchLogsEvent.parse_logs_data": lambda data: CloudWatchLogsEvent(
        {"awslogs": {"data": data}}
    ).parse_logs_data(),
    "Kinesis data_zlib_compressed_as_json": lambda data: next(
        KinesisStreamEvent({"Records": [{"kinesis": {"data": data}}]}).records
    ).kinesis.data_zlib_compressed_as_json(),
}


@pytest.mark.parametrize("reader", sorted(READERS))
def test_gzip_bomb_is_a_typed_error_with_bounded_memory(reader: str) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(InvalidCompressedDataError, match="inflates to more than"):
            READERS[reader](BOMB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    LEDGER.case("bounds", f"gzip bomb ({2 * MAX_INFLATED_BYTES // 2**20} MiB) via {reader}", CLAIM)
    assert peak < PEAK_LIMIT
