"""Property-based: hostile input to the JSON, Kafka and compressed-data readers (issue 13).

Each test counts the cases hypothesis tried and prints the count (``pytest -s`` shows it);
FUZZ_EXAMPLES raises the number for a longer local run.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import os
import zlib
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powertools.common.compression import InvalidCompressedDataError, inflate
from powertools.common.exceptions import InvalidEventError
from powertools.data_classes import (
    APIGatewayProxyEvent,
    CloudWatchLogsEvent,
    KafkaEvent,
    KinesisStreamEvent,
    SQSEvent,
)

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TRIED: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def report_cases() -> Any:
    yield
    print("\nhostile fuzz cases tried:", dict(sorted(TRIED.items())))


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def _gz(raw: bytes) -> str:
    return _b64(gzip.compress(raw))


# Every reader that parses JSON out of an event, fed one body.
READERS: dict[str, Callable[[bytes], Any]] = {
    "SQSRecord.json_body": lambda raw: next(SQSEvent({"Records": [{"body": raw.decode()}]}).records).json_body,
    "decoded_nested_s3_event": lambda raw: (
        next(SQSEvent({"Records": [{"body": raw.decode()}]}).records).decoded_nested_s3_event.bucket_name
    ),
    "APIGatewayProxyEvent.json_body": lambda raw: (
        APIGatewayProxyEvent({"httpMethod": "POST", "path": "/", "body": raw.decode()}).json_body
    ),
    "Kinesis data_as_json": lambda raw: next(
        KinesisStreamEvent({"Records": [{"kinesis": {"data": _b64(raw)}}]}).records
    ).kinesis.data_as_json(),
    "Kinesis data_zlib_compressed_as_json": lambda raw: next(
        KinesisStreamEvent({"Records": [{"kinesis": {"data": _gz(raw)}}]}).records
    ).kinesis.data_zlib_compressed_as_json(),
    "Kafka json_value": lambda raw: KafkaEvent({"records": {"t-0": [{"value": _b64(raw)}]}}).record.json_value,
    "parse_logs_data": lambda raw: CloudWatchLogsEvent({"awslogs": {"data": _gz(raw)}}).parse_logs_data(),
}

# Nesting from shallow to far past the interpreter's recursion limit, of arrays, objects or both.
NESTED = st.builds(
    lambda depth, shape: (shape[0] * depth + "1" + shape[1] * depth).encode(),
    st.integers(min_value=1, max_value=200_000),
    st.sampled_from([("[", "]"), ('{"a":', "}"), ('[{"a":', "}]")]),
)
BROKEN = st.one_of(
    NESTED.map(lambda doc: doc[:-1]),  # unbalanced
    st.binary(max_size=50).filter(lambda b: b.isascii()),
    st.text(max_size=30).map(str.encode),
)


@pytest.mark.parametrize("reader", sorted(READERS))
@SETTINGS
@given(document=st.one_of(NESTED, BROKEN))
def test_json_readers_raise_only_invalid_event_error(reader: str, document: bytes) -> None:
    TRIED[reader] += 1
    # never RecursionError, never a bare JSONDecodeError/TypeError
    with contextlib.suppress(InvalidEventError):
        READERS[reader](document)


HEADER_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-300, 300),
    st.floats(allow_nan=True),
    st.text(max_size=5),
    st.lists(st.one_of(st.integers(-300, 300), st.booleans(), st.none(), st.text(max_size=2)), max_size=6),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
FIELD_VALUES = st.one_of(
    st.none(),
    st.integers(),
    st.text(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@SETTINGS
@given(
    headers=st.one_of(
        FIELD_VALUES,
        st.lists(st.one_of(FIELD_VALUES, st.dictionaries(st.text(max_size=4), HEADER_VALUES, max_size=3)), max_size=3),
    ),
    key=FIELD_VALUES,
    value=st.one_of(FIELD_VALUES, st.just(_b64(b'{"a": 1}'))),
    records=st.sampled_from(["map", "list", "scalar", "batch-scalar"]),
)
def test_kafka_wrong_typed_fields(headers: Any, key: Any, value: Any, records: str) -> None:
    TRIED["KafkaEvent fields"] += 1
    record = {"headers": headers, "key": key, "value": value, "offset": 1}
    shaped = {"map": {"t-0": [record]}, "list": [record], "scalar": 5, "batch-scalar": {"t-0": 5}}[records]
    try:
        for item in KafkaEvent({"records": shaped}).records:
            decoded = item.decoded_headers
            _ = (item.decoded_key, item.decoded_value, item.json_value, item.headers)
            expected = {name.lower(): raw for chunk in headers or [] for name, raw in chunk.items()}
            # a header value is exactly its byte list (signed bytes wrapped), never bytes(5)
            assert dict(decoded) == {name: bytes(b & 0xFF for b in raw) for name, raw in expected.items()}
    except InvalidEventError:
        pass


@SETTINGS
@given(payload=st.binary(max_size=2000), wbits=st.sampled_from([zlib.MAX_WBITS | 16, zlib.MAX_WBITS]))
def test_inflate_round_trips(payload: bytes, wbits: int) -> None:
    TRIED["inflate round trip"] += 1
    compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
    data = compressor.compress(payload) + compressor.flush()
    assert inflate(data, field="data") == payload
    assert inflate(data, field="data", limit=len(payload)) == payload
    if payload:
        with pytest.raises(InvalidCompressedDataError, match="inflates to more than"):
            inflate(data, field="data", limit=len(payload) - 1)


@SETTINGS
@given(data=st.one_of(st.binary(max_size=200), st.binary(max_size=200).map(lambda b: gzip.compress(b)[: len(b) // 2])))
def test_inflate_of_arbitrary_bytes_raises_only_its_error(data: bytes) -> None:
    TRIED["inflate arbitrary bytes"] += 1
    error: BaseException | None = None
    try:
        inflate(data, field="data", limit=10_000)
    except InvalidCompressedDataError as exc:
        error = exc
    if error is not None:
        assert isinstance(error, zlib.error)
        assert error.field == "data"  # type: ignore[attr-defined]


@pytest.mark.parametrize("reader", sorted(READERS))
def test_deepest_document_is_a_typed_error(reader: str) -> None:
    # The strategy's upper bound, far past the recursion limit, for every reader.
    with pytest.raises(InvalidEventError, match="nested too deeply"):
        READERS[reader](b"[" * 200_000 + b"1" + b"]" * 200_000)
