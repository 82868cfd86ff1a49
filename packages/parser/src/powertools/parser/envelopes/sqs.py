"""SQS: each record's ``body`` validated into the model."""

from __future__ import annotations

from typing import Any

from powertools.parser.envelopes._specialize import can_specialize, json_payload, typed_mirror, with_fields
from powertools.parser.envelopes.base import BaseEnvelope
from powertools.parser.models.sqs import SqsModel, SqsRecordModel


class SqsEnvelope(BaseEnvelope):
    """Returns ``list[model]``, one per record, in order. Bodies are parsed as JSON."""

    def parse(self, data: Any, model: Any) -> list[Any]:
        if can_specialize(model):
            record_shape = typed_mirror(SqsRecordModel, body=json_payload(model))
            if record_shape is not None:
                shape = typed_mirror(SqsModel, Records=list[record_shape])  # type: ignore[valid-type]
                return [item["body"] for item in self._parse_shape(shape, data)["Records"]]
            record = with_fields(SqsRecordModel, body=json_payload(model))
            batch = self._parse_envelope(with_fields(SqsModel, Records=list[record]), data)  # type: ignore[valid-type]
            return [item.body for item in batch.Records]
        parsed = self._parse_envelope(SqsModel, data)
        return [self._parse(item.body, model) for item in parsed.Records]
