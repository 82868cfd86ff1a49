import binascii
import json

import pytest

from powertools.common.exceptions import PowertoolsError
from powertools.common.serialization import (
    InvalidBase64Error,
    base64_decode,
    base64_encode,
    base64_from_json,
    base64_from_str,
)


def test_text_round_trips_through_base64() -> None:
    assert base64_encode("hello ✓") == "aGVsbG8g4pyT"
    assert base64_from_str("hello ✓") == "aGVsbG8g4pyT"
    assert base64_decode("aGVsbG8g4pyT") == "hello ✓"


def test_json_is_serialized_then_encoded() -> None:
    encoded = base64_from_json({"order": 7, "items": ["a"]})
    assert json.loads(base64_decode(encoded)) == {"order": 7, "items": ["a"]}
    assert base64_decode(base64_from_json([1], json_serializer=lambda v: "custom")) == "custom"


def test_garbage_is_a_typed_error_that_old_except_clauses_still_catch() -> None:
    with pytest.raises(InvalidBase64Error, match=r"not valid base64 \(5 characters\)") as info:
        base64_decode("abcde")
    assert isinstance(info.value, binascii.Error)
    assert isinstance(info.value, PowertoolsError)
    assert "abcde" not in str(info.value)  # the value itself may be a secret


def test_bytes_that_are_not_utf8_are_a_unicode_error() -> None:
    with pytest.raises(UnicodeDecodeError):
        base64_decode("/w==")
