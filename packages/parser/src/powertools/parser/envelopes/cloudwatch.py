"""CloudWatch Logs subscription: each decoded log event's ``message`` validated into the model."""

from __future__ import annotations

from typing import Any

from powertools.parser.envelopes.base import BaseEnvelope
from powertools.parser.models.cloudwatch import CloudWatchLogsModel


class CloudWatchLogsEnvelope(BaseEnvelope):
    """Returns ``list[model]``, one per log event. Messages are parsed as JSON."""

    def parse(self, data: Any, model: Any) -> list[Any]:
        parsed = self._parse_envelope(CloudWatchLogsModel, data)
        return [self._parse(item.message, model) for item in parsed.awslogs.decoded_data.logEvents]
