"""Kinesis Data Streams: each record's decoded ``data`` validated into the model."""

from __future__ import annotations

import zlib
from typing import Any

from powertools.parser.envelopes.base import BaseEnvelope
from powertools.parser.models._decoders import gunzip
from powertools.parser.models.kinesis import KinesisDataStreamModel


class KinesisDataStreamEnvelope(BaseEnvelope):
    """Returns ``list[model]``. Data that isn't UTF-8 is gunzipped first (CloudWatch Logs via Kinesis)."""

    def parse(self, data: Any, model: Any) -> list[Any]:
        parsed = self._parse_envelope(KinesisDataStreamModel, data)
        return [
            self._parse(_text(item.kinesis.data, index), model)  # type: ignore[arg-type]
            for index, item in enumerate(parsed.Records)
        ]


def _text(data: bytes, index: int) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return gunzip(data).decode("utf-8")
    except (zlib.error, UnicodeDecodeError) as exc:
        from pydantic import ValidationError

        raise ValidationError.from_exception_data(
            "KinesisDataStreamEnvelope",
            [
                {
                    "type": "value_error",
                    "loc": ("Records", index, "kinesis", "data"),
                    "input": data[:64],
                    "ctx": {"error": ValueError(f"Unable to decode and/or decompress data: {exc}")},
                }
            ],
        ) from None
