"""Amazon DynamoDB Streams event, with a boto3-free attribute value deserializer."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator, Mapping
from decimal import Clamped, Context, Decimal, Inexact, InvalidOperation, Overflow, Rounded, Underflow
from enum import Enum
from typing import Any

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.exceptions import InvalidEventError

__all__ = [
    "DynamoDBRecord",
    "DynamoDBRecordEventName",
    "DynamoDBStreamEvent",
    "DynamoDBStreamWindow",
    "StreamRecord",
    "StreamViewType",
    "TypeDeserializer",
]

# DynamoDB numbers carry up to 38 significant digits; this context keeps them exact
# and refuses (rather than rounds) anything DynamoDB itself could not have stored.
DYNAMODB_CONTEXT = Context(
    Emin=-128,
    Emax=126,
    prec=38,
    traps=[Clamped, Overflow, Inexact, Rounded, Underflow, InvalidOperation],
)

# Folding trailing zeros rounds nothing; any other digit past the 38th is an error.
_NORMALIZE_CONTEXT = Context(prec=38, traps=[Inexact])
_MAX_NUMBER_TEXT = 400  # 38 digits, a sign, a point and an exponent fit many times over

_MAX_DEPTH = 64  # DynamoDB allows 32 levels of nesting; anything deeper is not a real image


class TypeDeserializer:
    """Turn DynamoDB attribute values (``{"N": "1.5"}``) into Python values.

    N -> Decimal, S -> str, B -> bytes (base64-decoded), BOOL -> bool, NULL -> None,
    SS/NS/BS -> set, L -> list, M -> dict.
    """

    def deserialize(self, value: Any, *, field: str = "value") -> Any:
        return self._value(value, field, 0)

    def _value(self, value: Any, field: str, depth: int) -> Any:
        if depth > _MAX_DEPTH:
            raise InvalidEventError(f"{field} nests deeper than DynamoDB allows", field=field)
        if not isinstance(value, Mapping) or len(value) != 1:
            raise InvalidEventError(
                f"{field} is not a DynamoDB attribute value (one-key object like {{'S': 'text'}}): {value!r:.80}",
                field=field,
            )
        ((kind, raw),) = value.items()
        if kind == "S":
            return self._expect(raw, str, field)
        if kind == "N":
            return self._number(raw, field)
        if kind == "B":
            return self._binary(raw, field)
        if kind == "BOOL":
            return self._expect(raw, bool, field)
        if kind == "NULL":
            return None
        if kind == "SS":
            return {self._expect(item, str, field) for item in self._expect(raw, list, field)}
        if kind == "NS":
            return {self._number(item, field) for item in self._expect(raw, list, field)}
        if kind == "BS":
            return {self._binary(item, field) for item in self._expect(raw, list, field)}
        if kind == "L":
            items = self._expect(raw, list, field)
            return [self._value(item, f"{field}[{i}]", depth + 1) for i, item in enumerate(items)]
        if kind == "M":
            attrs = self._expect(raw, Mapping, field)
            return {key: self._value(item, f"{field}.{key}", depth + 1) for key, item in attrs.items()}
        raise InvalidEventError(f"{field} has unknown DynamoDB type {kind!r}", field=field)

    @staticmethod
    def _expect(raw: Any, kind: Any, field: str) -> Any:
        if not isinstance(raw, kind):
            name = getattr(kind, "__name__", str(kind))
            raise InvalidEventError(f"{field} should hold a {name}, got {type(raw).__name__}", field=field)
        return raw

    @staticmethod
    def _number(raw: Any, field: str) -> Decimal:
        if not isinstance(raw, str) or len(raw) > _MAX_NUMBER_TEXT:
            raise InvalidEventError(f"{field} is not a DynamoDB number: {raw!r:.80}", field=field)
        if raw in ("", "."):  # upstream's fallback for these two spellings
            return DYNAMODB_CONTEXT.create_decimal(0)
        try:
            number = Decimal(raw)
            if number.is_finite() and len(number.as_tuple().digits) > 38:
                # Trailing zeros don't count toward DynamoDB's 38 digits: fold them into the
                # exponent (1 followed by 45 zeros is Decimal('1E+45')), as upstream does.
                number = number.normalize(_NORMALIZE_CONTEXT)
            number = DYNAMODB_CONTEXT.create_decimal(number)
        except ArithmeticError:  # InvalidOperation, Inexact, Overflow, ... are all ArithmeticErrors
            number = None
        if number is None or not number.is_finite():  # DynamoDB stores no NaN or Infinity
            raise InvalidEventError(f"{field} is not a DynamoDB number: {raw!r:.80}", field=field)
        return number

    @staticmethod
    def _binary(raw: Any, field: str) -> bytes:
        try:
            return base64.b64decode(raw, validate=True)
        except (binascii.Error, ValueError, TypeError):
            raise InvalidEventError(f"{field} is not valid base64 binary", field=field) from None


_DESERIALIZER = TypeDeserializer()


class StreamViewType(Enum):
    """What the stream writes into each record."""

    KEYS_ONLY = 0
    NEW_IMAGE = 1
    OLD_IMAGE = 2
    NEW_AND_OLD_IMAGES = 3


class DynamoDBRecordEventName(Enum):
    INSERT = 0
    MODIFY = 1
    REMOVE = 2


def _enum_member(enum: type[Enum], value: Any, field: str) -> Any:
    if value is None:
        return None
    member = enum.__members__.get(value) if isinstance(value, str) else None
    if member is None:
        raise InvalidEventError(f"{field}={value!r:.80} is not one of {', '.join(enum.__members__)}", field=field)
    return member


class StreamRecord(DictWrapper):
    """The ``dynamodb`` part of a record: keys and images, already deserialized."""

    @property
    def approximate_creation_date_time(self) -> int | None:
        """When the change was recorded, in epoch seconds (an int, as upstream)."""
        value = self._data.get("ApproximateCreationDateTime")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise InvalidEventError(
                "ApproximateCreationDateTime must be epoch seconds", field="ApproximateCreationDateTime"
            )
        try:
            return int(value)
        except (OverflowError, ValueError):
            raise InvalidEventError(
                f"ApproximateCreationDateTime={value!r:.80} is not epoch seconds", field="ApproximateCreationDateTime"
            ) from None

    @property
    def keys(self) -> dict[str, Any]:  # type: ignore[override]  # upstream's name, shadows Mapping.keys
        return self._image("Keys")

    @property
    def new_image(self) -> dict[str, Any]:
        """The item after the change; empty for REMOVE or a KEYS_ONLY / OLD_IMAGE stream (as upstream)."""
        return self._image("NewImage")

    @property
    def old_image(self) -> dict[str, Any]:
        """The item before the change; empty for INSERT or a KEYS_ONLY / NEW_IMAGE stream (as upstream)."""
        return self._image("OldImage")

    @property
    def sequence_number(self) -> str | None:
        return self._data.get("SequenceNumber")

    @property
    def size_bytes(self) -> int | None:
        return self._data.get("SizeBytes")

    @property
    def stream_view_type(self) -> StreamViewType | None:
        return _enum_member(StreamViewType, self._data.get("StreamViewType"), "StreamViewType")

    def _image(self, key: str) -> dict[str, Any]:
        def deserialize() -> dict[str, Any]:
            image = self._data.get(key)
            if image is None:
                return {}
            if not isinstance(image, Mapping):
                raise InvalidEventError(f"dynamodb.{key} must be an object", field=key)
            return {name: _DESERIALIZER.deserialize(value, field=f"{key}.{name}") for name, value in image.items()}

        return self._cached(key, deserialize)


class DynamoDBRecord(DictWrapper):
    """One change to one item."""

    @property
    def aws_region(self) -> str | None:
        return self._data.get("awsRegion")

    @property
    def dynamodb(self) -> StreamRecord | None:
        section = self._data.get("dynamodb")
        return None if section is None else StreamRecord(section)

    @property
    def event_id(self) -> str | None:
        return self._data.get("eventID")

    @property
    def event_name(self) -> DynamoDBRecordEventName | None:
        return _enum_member(DynamoDBRecordEventName, self._data.get("eventName"), "eventName")

    @property
    def event_source(self) -> str | None:
        return self._data.get("eventSource")

    @property
    def event_source_arn(self) -> str | None:
        return self._data.get("eventSourceARN")

    @property
    def event_version(self) -> str | None:
        return self._data.get("eventVersion")

    @property
    def user_identity(self) -> dict[str, Any]:
        """Set for TTL deletes: ``{"type": "Service", "principalId": "dynamodb.amazonaws.com"}``; else empty."""
        return self._data.get("userIdentity") or {}


class DynamoDBStreamWindow(DictWrapper):
    """The tumbling window of a windowed aggregation."""

    @property
    def start(self) -> str | None:
        return self._data.get("start")

    @property
    def end(self) -> str | None:
        return self._data.get("end")


class DynamoDBStreamEvent(DictWrapper):
    """A batch of DynamoDB Streams records."""

    @property
    def records(self) -> Iterator[DynamoDBRecord]:
        records = self._data.get("Records")
        if records is None:
            return
        if not isinstance(records, list):
            raise InvalidEventError("Records must be a list", field="Records")
        for record in records:
            yield DynamoDBRecord(record)

    @property
    def window(self) -> DynamoDBStreamWindow | None:
        window = self._data.get("window")
        return None if window is None else DynamoDBStreamWindow(window)

    @property
    def state(self) -> dict[str, Any]:
        return dict(self._section("state"))

    @property
    def shard_id(self) -> str | None:
        return self._data.get("shardId")

    @property
    def event_source_arn(self) -> str | None:
        return self._data.get("eventSourceARN")

    @property
    def is_final_invoke_for_window(self) -> bool | None:
        return self._data.get("isFinalInvokeForWindow")

    @property
    def is_window_terminated_early(self) -> bool | None:
        return self._data.get("isWindowTerminatedEarly")
