"""The powertools_* JMESPath functions."""

from __future__ import annotations

import base64
import binascii
import gzip
import json
import zlib
from typing import Any

from jmespath.exceptions import JMESPathError
from jmespath.functions import Functions, signature

# Bounds keep a hostile payload from exhausting memory while decompressing.
MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024


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
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, MAX_DECOMPRESSED_BYTES)
    except (zlib.error, gzip.BadGzipFile) as exc:
        raise PowertoolsFunctionError(f"powertools_base64_gzip: value is not gzip data ({exc})") from None
    if decompressor.unconsumed_tail:
        raise PowertoolsFunctionError(
            f"powertools_base64_gzip: decompressed data exceeds {MAX_DECOMPRESSED_BYTES} bytes"
        )
    return out
