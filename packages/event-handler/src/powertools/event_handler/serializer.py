"""The default JSON body serializer: compact, ASCII-safe, powertools' Encoder for special types."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from powertools.common.encoder import Encoder

__all__ = ["compact_json_serializer"]


def compact_json_serializer() -> Callable[[Any], str]:
    """Same text as ``json.dumps(value, separators=(",", ":"), cls=Encoder)``, built once.

    ``json.dumps`` builds a fresh encoder per call, which costs more than encoding a
    typical response body. Here the C encoder is built once and reused; it keeps no
    state between calls (it skips the circular-reference bookkeeping, so a
    self-referencing body fails with RecursionError instead of ValueError).
    """
    encoder = Encoder(separators=(",", ":"))
    make_c_encoder = getattr(json.encoder, "c_make_encoder", None)
    if make_c_encoder is None:  # PyPy or a build without the C accelerator
        return encoder.encode
    try:
        iterencode = make_c_encoder(
            None, encoder.default, json.encoder.encode_basestring_ascii, None, ":", ",", False, False, True
        )
    except TypeError:  # a future Python changed the private signature
        return encoder.encode

    def serialize(value: Any) -> str:
        return "".join(iterencode(value, 0))

    return serialize
