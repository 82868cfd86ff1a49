"""Kafka (MSK or self-managed): each record's decoded ``value`` validated into the model."""

from __future__ import annotations

from typing import Any

from powertools.parser.envelopes._specialize import can_specialize, json_payload, with_fields
from powertools.parser.envelopes.base import BaseEnvelope
from powertools.parser.models.kafka import KafkaMskEventModel, KafkaRecordModel, KafkaSelfManagedEventModel


class KafkaEnvelope(BaseEnvelope):
    """Returns ``list[model]``: every record of every topic-partition, in event order."""

    def parse(self, data: Any, model: Any) -> list[Any]:
        source = data.get("eventSource") if isinstance(data, dict) else None
        event_model: type[KafkaMskEventModel | KafkaSelfManagedEventModel] = (
            KafkaMskEventModel if source == "aws:kafka" else KafkaSelfManagedEventModel
        )
        if can_specialize(model):
            record = with_fields(KafkaRecordModel, value=json_payload(model))
            event = self._parse_envelope(with_fields(event_model, records=dict[str, list[record]]), data)  # type: ignore[valid-type]
            return [item.value for items in event.records.values() for item in items]
        parsed = self._parse_envelope(event_model, data)
        return [self._parse(item.value, model) for items in parsed.records.values() for item in items]
