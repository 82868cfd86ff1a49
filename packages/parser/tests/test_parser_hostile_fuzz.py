"""Property-based: envelope arguments and compressed payloads (issue 13). Prints the cases tried."""

from __future__ import annotations

import base64
import contextlib
import gzip
import os
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from powertools.parser import envelopes, models, parse

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TRIED: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def report_cases() -> Any:
    yield
    print("\nparser fuzz cases tried:", dict(sorted(TRIED.items())))


class Order(BaseModel):
    orderId: str


NOT_ENVELOPES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10) | st.binary(max_size=5),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=3), children, max_size=3),
    max_leaves=6,
).filter(lambda value: value is not None)


@SETTINGS
@given(envelope=NOT_ENVELOPES)
def test_any_non_callable_envelope_is_ignored(envelope: Any) -> None:
    TRIED["envelope values"] += 1
    assert parse({"orderId": "o-1"}, Order, envelope=envelope) == Order(orderId="o-1")


PAYLOADS = st.one_of(
    st.binary(max_size=300),
    st.binary(max_size=300).map(gzip.compress),
    st.binary(max_size=300).map(lambda b: gzip.compress(b)[:-4]),
    st.builds(lambda depth: gzip.compress(b"[" * depth + b"]" * depth), st.integers(1, 100_000)),
)


@SETTINGS
@given(payload=PAYLOADS, as_bytes=st.booleans())
def test_cloudwatch_data_raises_only_validation_error(payload: bytes, as_bytes: bool) -> None:
    TRIED["awslogs.data payloads"] += 1
    data: str | bytes = base64.b64encode(payload)
    event = {"awslogs": {"data": data if as_bytes else data.decode()}}
    with contextlib.suppress(ValidationError):
        models.CloudWatchLogsModel.model_validate(event)
    with contextlib.suppress(ValidationError):
        parse(event, Order, envelopes.CloudWatchLogsEnvelope)
