"""SNS, directly or delivered through SQS: each notification's ``Message`` validated into the model."""

from __future__ import annotations

from typing import Any

from powertools.parser.envelopes._specialize import can_specialize, json_payload, with_fields
from powertools.parser.envelopes.base import BaseEnvelope
from powertools.parser.models.sns import SnsModel, SnsNotificationModel, SnsRecordModel
from powertools.parser.models.sqs import SqsModel, SqsRecordModel


class SnsEnvelope(BaseEnvelope):
    """Returns ``list[model]``, one per record. Messages are parsed as JSON."""

    def parse(self, data: Any, model: Any) -> list[Any]:
        if can_specialize(model):
            notification = with_fields(SnsNotificationModel, Message=json_payload(model))
            record = with_fields(SnsRecordModel, Sns=notification)  # type: ignore[arg-type]
            batch = self._parse_envelope(with_fields(SnsModel, Records=list[record]), data)  # type: ignore[valid-type]
            return [item.Sns.Message for item in batch.Records]
        parsed = self._parse_envelope(SnsModel, data)
        return [self._parse(item.Sns.Message, model) for item in parsed.Records]


class SnsSqsEnvelope(BaseEnvelope):
    """SNS to SQS (raw message delivery off): each SQS body is an SNS notification whose
    ``Message`` is validated into the model. Returns ``list[model]``."""

    def parse(self, data: Any, model: Any) -> list[Any]:
        if can_specialize(model):
            notification = with_fields(SnsNotificationModel, Message=json_payload(model))
            record = with_fields(SqsRecordModel, body=json_payload(notification))
            batch = self._parse_envelope(with_fields(SqsModel, Records=list[record]), data)  # type: ignore[valid-type]
            return [item.body.Message for item in batch.Records]
        parsed = self._parse_envelope(SqsModel, data)
        notifications = [self._parse_envelope(SnsNotificationModel, item.body) for item in parsed.Records]
        return [self._parse(item.Message, model) for item in notifications]
