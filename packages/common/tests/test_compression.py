import gzip
import pickle
import tracemalloc
import zlib

import pytest

from powertools.common import InvalidEventError
from powertools.common.compression import GZIP, InvalidCompressedDataError, inflate


def test_gzip_and_zlib_both_inflate() -> None:
    payload = b'{"logEvents": []}' * 100
    assert inflate(gzip.compress(payload), field="data") == payload
    assert inflate(zlib.compress(payload), field="data") == payload


def test_bytes_after_the_stream_are_ignored_as_zlib_does() -> None:
    data = gzip.compress(b"{}") + b"trailing"
    assert inflate(data, field="data") == zlib.decompress(data, zlib.MAX_WBITS | 32) == b"{}"


def test_gzip_only_mode_refuses_zlib() -> None:
    with pytest.raises(InvalidCompressedDataError, match="incorrect header check"):
        inflate(zlib.compress(b"{}"), field="value", wbits=GZIP)


def test_output_exactly_at_the_limit_is_accepted() -> None:
    payload = b"x" * 5000
    assert inflate(gzip.compress(payload), field="data", limit=5000) == payload
    with pytest.raises(InvalidCompressedDataError, match="data inflates to more than 4999 bytes"):
        inflate(gzip.compress(payload), field="data", limit=4999)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not compressed at all", "data is not gzip/zlib compressed data: Error -3"),
        (gzip.compress(b"0123456789" * 100)[:-12], "data is truncated gzip/zlib data"),
        (b"", "data is truncated gzip/zlib data"),
    ],
)
def test_corrupt_data_is_a_typed_error(data: bytes, message: str) -> None:
    with pytest.raises(InvalidCompressedDataError, match=message) as caught:
        inflate(data, field="data")
    # catchable as ours, as the ValueError every InvalidEventError is, and as upstream's zlib.error
    assert isinstance(caught.value, InvalidEventError)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, zlib.error)
    assert caught.value.field == "data"


def test_a_bomb_fails_with_bounded_memory() -> None:
    # ~250 KB of gzip that inflates to 256 MiB: refused once past the 64 MiB limit, having
    # held at most the limit plus one step of output (tracemalloc sees every bytes object).
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    chunk = b"\0" * (1024 * 1024)
    bomb = b"".join(compressor.compress(chunk) for _ in range(256)) + compressor.flush()
    assert len(bomb) < 300 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(InvalidCompressedDataError, match="inflates to more than 67108864 bytes"):
            inflate(bomb, field="awslogs.data")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 70 * 1024 * 1024


def test_error_survives_pickling() -> None:
    with pytest.raises(InvalidCompressedDataError) as caught:
        inflate(b"junk", field="kinesis.data")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(copy, InvalidCompressedDataError)
    assert str(copy) == str(caught.value)
