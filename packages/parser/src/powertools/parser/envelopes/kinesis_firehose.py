"""Firehose data transformation: each record's decoded ``data`` validated into the model."""

from __future__ import annotations

from typing import Any

from powertools.parser.envelopes.base import BaseEnvelope
from powertools.parser.models.kinesis_firehose import KinesisFirehoseModel


class KinesisFirehoseEnvelope(BaseEnvelope):
    """Returns ``list[model]``, one per record, in order."""

    def parse(self, data: Any, model: Any) -> list[Any]:
        parsed = self._parse_envelope(KinesisFirehoseModel, data)
        return [self._parse(item.data.decode("utf-8"), model) for item in parsed.records]  # type: ignore[union-attr]
