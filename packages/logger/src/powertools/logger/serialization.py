"""JSON encoding of log records that never raises into the caller."""

from __future__ import annotations

import json
from collections.abc import Callable

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a cold-start cost)
if TYPE_CHECKING:
    from typing import Any

_encoder: json.JSONEncoder | None = None


def default_json_default(value: Any) -> Any:
    """``json_default`` when none is given: the powertools Encoder, then ``str()``.

    Decimal, datetime, UUID, Enum, sets, bytes, dataclasses and pydantic models
    get their natural JSON form; anything else its ``str()``, so a log call never
    fails on an unexpected value.
    """
    global _encoder
    if _encoder is None:
        # Loaded on the first value plain JSON can't encode, not at import.
        from powertools.common.encoder import Encoder

        _encoder = Encoder()
    try:
        return _encoder.default(value)
    except TypeError:
        return str(value)


def build_serializer(json_default: Callable[[Any], Any], indent: int | None) -> Callable[[Any], str]:
    """A reusable encoder's ``encode``: avoids building a JSONEncoder on every call like json.dumps(**kw) does.

    It refuses NaN and the infinities (bare ``NaN`` is not JSON); the formatter then writes those
    values as strings with :func:`with_finite_floats`, so only such records pay for it.
    """
    separators = (",", ":") if indent is None else (",", ": ")
    encoder = json.JSONEncoder(
        default=json_default, separators=separators, indent=indent, ensure_ascii=False, allow_nan=False
    )
    make_c_encoder = getattr(json.encoder, "c_make_encoder", None)
    if make_c_encoder is None or indent is not None:
        return encoder.encode
    encode_string = json.encoder.encode_basestring
    key_separator, item_separator = separators[1], separators[0]

    def encode(value: Any) -> str:
        # What encoder.encode does for a compact document, minus the per-call setup in Python
        # (a closure and the argument shuffling); a fresh markers dict keeps circular checks per call.
        return "".join(
            make_c_encoder({}, json_default, encode_string, None, key_separator, item_separator, False, False, False)(
                value, 0
            )
        )

    return encode


def is_non_finite_error(error: BaseException) -> bool:
    return isinstance(error, ValueError) and "Out of range float" in str(error)


def with_finite_floats(value: Any) -> Any:
    """``value`` with NaN and ±infinity as ``"NaN"``, ``"Infinity"``, ``"-Infinity"`` (CloudWatch Logs
    Insights and most log shippers reject bare NaN)."""
    # x - x is 0.0 for every finite float and NaN for NaN and ±infinity (no `math` import: cold start)
    if isinstance(value, float) and value - value != 0.0:
        return "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {key: with_finite_floats(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [with_finite_floats(item) for item in value]
    return value


def safe_str(value: Any) -> str:
    try:
        return str(value)
    except Exception:  # a broken __str__ must not hide the log line
        return f"<unprintable {type(value).__name__}>"


_FALLBACK_ENCODER = json.JSONEncoder(default=safe_str, separators=(",", ":"), ensure_ascii=False)


def fallback_document(log: dict[str, Any], message: Any, error: BaseException) -> str:
    """A record that always encodes: JSON-native scalars kept, the rest as text, the error named."""
    document: dict[str, Any] = {}
    for key, value in log.items():
        if isinstance(key, str) and (value is None or isinstance(value, (str, int, float, bool))):
            document[key] = value
    document["message"] = message if isinstance(message, str) else safe_str(message)
    document["log_serialization_error"] = f"{type(error).__name__}: {safe_str(error)}"
    return _FALLBACK_ENCODER.encode({k: v for k, v in document.items() if v is not None})
