"""The powertools_* JMESPath functions."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from jmespath.exceptions import JMESPathError
from jmespath.functions import Functions, signature

from powertools.common.compression import GZIP, MAX_INFLATED_BYTES, InvalidCompressedDataError, inflate

# Bounds keep a hostile payload from exhausting memory while decompressing.
MAX_DECOMPRESSED_BYTES = MAX_INFLATED_BYTES


class PowertoolsFunctionError(JMESPathError):
    """A powertools_* function got a value it cannot decode."""


class PowertoolsFunctions(Functions):
    """Built-in functions: powertools_json, powertools_base64, powertools_base64_gzip.

    Subclass it to add your own ``_func_<name>`` functions and pass an instance as
    ``jmespath_options={"custom_functions": MyFunctions()}``.
    """

    @signature({"types": ["string"]})
    def _func_powertools_json(self, value: str) -> Any:
        try:
            return json.loads(value)
        except json.JSONDecodeError as exc:
            raise PowertoolsFunctionError(
                f"powertools_json: value is not valid JSON ({exc.msg} at position {exc.pos})"
            ) from None

    @signature({"types": ["string"]})
    def _func_powertools_base64(self, value: str) -> str:
        try:
            return base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, ValueError) as exc:
            raise PowertoolsFunctionError(f"powertools_base64: value is not valid base64 text ({exc})") from None

    @signature({"types": ["string"]})
    def _func_powertools_base64_gzip(self, value: str) -> str:
        try:
            compressed = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise PowertoolsFunctionError(f"powertools_base64_gzip: value is not valid base64 ({exc})") from None
        return _gunzip(compressed).decode("utf-8", errors="replace")


def _gunzip(data: bytes) -> bytes:
    try:
        return inflate(data, field="value", limit=MAX_DECOMPRESSED_BYTES, wbits=GZIP)
    except InvalidCompressedDataError as exc:
        raise PowertoolsFunctionError(f"powertools_base64_gzip: {exc}") from None
