"""Base64 helpers for payloads (upstream's ``utilities.serialization``).

Text is UTF-8 on both sides. Decoding is as lenient as upstream's (characters outside the
base64 alphabet are skipped), but a payload that still can't be decoded raises
:class:`InvalidBase64Error`, which is also the ``binascii.Error`` upstream raises.
"""

from __future__ import annotations

import base64
import binascii
import json

from powertools.common.exceptions import PowertoolsError

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable
    from typing import Any

__all__ = ["InvalidBase64Error", "base64_decode", "base64_encode", "base64_from_json", "base64_from_str"]


class InvalidBase64Error(PowertoolsError, binascii.Error):
    """A value given to :func:`base64_decode` is not base64."""


def base64_encode(data: str) -> str:
    """``data`` (text) as base64 text."""
    return base64.b64encode(data.encode()).decode("ascii")


# Upstream has both names for the same operation.
base64_from_str = base64_encode


def base64_decode(data: str) -> str:
    """Base64 text back to the text it encodes (UTF-8)."""
    try:
        raw = base64.b64decode(data)
    except binascii.Error as exc:
        raise InvalidBase64Error(f"value is not valid base64 ({len(data)} characters): {exc}") from None
    return raw.decode("utf-8")


def base64_from_json(data: Any, json_serializer: Callable[..., str] = json.dumps) -> str:
    """``data`` serialized by ``json_serializer``, then base64-encoded."""
    return base64_encode(json_serializer(data))
