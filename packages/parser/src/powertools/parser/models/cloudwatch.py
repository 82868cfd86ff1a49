"""CloudWatch Logs subscription event; ``awslogs.data`` is base64 gzip JSON, decoded here."""

import json
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field, field_validator

from powertools.parser.models._decoders import b64decode, gunzip


class CloudWatchLogsLogEvent(BaseModel):
    id: str
    timestamp: datetime
    message: str | type[BaseModel]


class CloudWatchLogsDecode(BaseModel):
    messageType: str
    owner: str
    logGroup: str
    logStream: str
    subscriptionFilters: list[str]
    logEvents: list[CloudWatchLogsLogEvent]
    policyLevel: str | None = None


class CloudWatchLogsData(BaseModel):
    decoded_data: CloudWatchLogsDecode = Field(..., alias="data")

    @field_validator("decoded_data", mode="before")
    @classmethod
    def _decode(cls, value: Any) -> Any:
        if not isinstance(value, (str, bytes)):
            return value  # already decoded (e.g. built in code)
        try:
            return json.loads(gunzip(b64decode(value)))
        except Exception:
            raise ValueError("unable to decompress data") from None


class CloudWatchLogsModel(BaseModel):
    awslogs: CloudWatchLogsData
