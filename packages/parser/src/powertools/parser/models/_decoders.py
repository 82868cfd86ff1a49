"""Small decoders used by model validators: base64, Kafka header bytes, DynamoDB attribute values, source IPs."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Mapping
from decimal import Clamped, Context, Decimal, Inexact, Overflow, Rounded, Underflow
from typing import Any

# DynamoDB numbers: 38 digits of precision, exponent range -130..125 (as boto3's TypeDeserializer).
_DYNAMODB_CONTEXT = Context(Emin=-128, Emax=126, prec=38, traps=[Clamped, Overflow, Inexact, Rounded, Underflow])
_NORMALIZE_CONTEXT = Context(prec=38, traps=[Inexact])


def b64decode(value: Any) -> bytes:
    """Strict base64 to bytes; a clear ``ValueError`` (shown by pydantic) otherwise."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a base64 string, got {type(value).__name__}")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("base64 decode failed - is this base64 encoded string?") from None


def utf8(value: bytes) -> str:
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("base64 UTF-8 decode failed") from None


def b64decode_text(value: Any) -> bytes:
    """Base64 given as text, ``str`` or ``bytes`` (upstream decodes both), to bytes."""
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value).decode("ascii", errors="replace")
    return b64decode(value)


def gunzip(value: bytes) -> bytes:
    """zlib or gzip (auto-detected header) decompression, as CloudWatch Logs subscriptions deliver.

    Bounded (``powertools.common.compression``): a bomb raises ``InvalidCompressedDataError``,
    a ``zlib.error``, after inflating at most the limit instead of exhausting memory.
    """
    from powertools.common.compression import inflate

    return inflate(value, field="data")


def header_bytes(values: list[int]) -> bytes:
    """Kafka header values arrive as lists of byte ints; Java clients may send them signed (-128..127).

    A non-int item is a ``ValueError`` (pydantic reports it at the ``headers`` field), not a ``TypeError``.
    """
    for b in values:
        if not isinstance(b, int):
            raise ValueError(f"Kafka header value must be a list of byte integers, got an item {b!r:.40}")
    return bytes(b & 0xFF for b in values)


def dynamodb_number(value: Any) -> Decimal:
    """A DynamoDB ``N`` value as a ``Decimal``; a value that is not a DynamoDB number is a ``ValueError``."""
    if value in ("", "."):
        return _DYNAMODB_CONTEXT.create_decimal(0)
    try:
        number = Decimal(value)
        if len(number.as_tuple().digits) > 38:
            number = number.normalize(_NORMALIZE_CONTEXT)
        return _DYNAMODB_CONTEXT.create_decimal(number)
    except (TypeError, ArithmeticError):  # decimal's InvalidOperation, Overflow, Inexact... are ArithmeticErrors
        raise ValueError(f"expected a DynamoDB number, got {value!r:.80}") from None


def dynamodb_value(attribute: Mapping[str, Any]) -> Any:
    """One DynamoDB-JSON attribute value (``{"N": "1"}``) as a Python value (``Decimal("1")``).

    Binary (``B``/``BS``) stays the base64 text the stream delivers, as upstream does.
    """
    if not isinstance(attribute, Mapping) or len(attribute) != 1:
        raise ValueError(f"expected a DynamoDB attribute value like {{'S': 'text'}}, got {attribute!r:.80}")
    ((kind, value),) = attribute.items()
    if kind in ("S", "B", "BOOL"):
        return value
    if kind == "N":
        return dynamodb_number(value)
    if kind == "NULL":
        return None
    if kind == "M":
        return dynamodb_item(value)
    if kind in ("L", "NS", "SS", "BS") and not isinstance(value, Iterable):
        raise ValueError(f"DynamoDB {kind!r} value must be a list, got {type(value).__name__}")
    if kind == "L":
        return [dynamodb_value(item) for item in value]
    if kind == "NS":
        return {dynamodb_number(item) for item in value}
    if kind in ("SS", "BS"):
        try:
            return set(value)
        except TypeError:  # an unhashable member (a list or an object)
            raise ValueError(f"DynamoDB {kind!r} set members must be strings, got {value!r:.80}") from None
    raise ValueError(f"DynamoDB type {kind!r} is not supported")


def dynamodb_item(image: Any) -> Any:
    """A whole DynamoDB-JSON image (``Keys``/``NewImage``/``OldImage``) as a plain dict."""
    if image is None or not isinstance(image, Mapping):
        return image  # let the field's own type report a non-mapping
    item = {}
    for name, attribute in image.items():
        try:
            item[name] = dynamodb_value(attribute)
        except ValueError as error:
            raise ValueError(f"attribute {name!r}: {error}") from None
    return item


def source_ip(value: Any) -> Any:
    """Check an API Gateway ``sourceIp``, which may carry a port (``1.2.3.4:5678``, ``[::1]:80``).

    Only the IP part is checked; the field's ``IPvAnyNetwork | str`` type then turns a bare IP into
    a network and keeps anything else (an IP with a port) as text.
    """
    import ipaddress

    if not isinstance(value, str) or value == "test-invoke-source-ip":
        return value
    candidates = [value]
    if value.startswith("[") and "]:" in value:
        candidates.append(value[1:].split("]:", 1)[0])
    elif value.count(":") == 1:
        candidates.append(value.split(":", 1)[0])
    for candidate in candidates:
        try:
            ipaddress.ip_network(candidate, strict=False)
        except ValueError:
            continue
        return value
    raise ValueError(f"Invalid IP address in sourceIp: {value!r:.60}")
