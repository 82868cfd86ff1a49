"""DynamoDB Streams: each record's ``NewImage`` and ``OldImage`` validated into the model."""

from __future__ import annotations

from typing import Any

from powertools.parser.envelopes._specialize import can_specialize, with_fields
from powertools.parser.envelopes.base import BaseEnvelope
from powertools.parser.models.dynamodb import (
    DynamoDBStreamChangedRecordModel,
    DynamoDBStreamModel,
    DynamoDBStreamRecordModel,
)


class DynamoDBStreamEnvelope(BaseEnvelope):
    """Returns ``[{"NewImage": model | None, "OldImage": model | None}, ...]``, one per record.

    Images are converted from DynamoDB JSON first (``{"N": "5"}`` becomes ``Decimal("5")``).
    """

    def parse(self, data: Any, model: Any) -> list[dict[str, Any]]:
        if can_specialize(model):
            image = model | None
            change = with_fields(DynamoDBStreamChangedRecordModel, NewImage=image, OldImage=image)
            record = with_fields(DynamoDBStreamRecordModel, dynamodb=change)  # type: ignore[arg-type]
            batch = self._parse_envelope(with_fields(DynamoDBStreamModel, Records=list[record]), data)  # type: ignore[valid-type]
            return [{"NewImage": item.dynamodb.NewImage, "OldImage": item.dynamodb.OldImage} for item in batch.Records]
        parsed = self._parse_envelope(DynamoDBStreamModel, data)
        return [
            {
                "NewImage": self._parse(item.dynamodb.NewImage, model),
                "OldImage": self._parse(item.dynamodb.OldImage, model),
            }
            for item in parsed.Records
        ]
