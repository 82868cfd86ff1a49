"""CloudWatch Logs subscription event; ``awslogs.data`` is base64 gzip JSON, decoded here."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field, field_validator

from powertools.common.dict_wrapper import parse_json
from powertools.parser.models._decoders import b64decode_text, gunzip


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
        if not isinstance(value, (str, bytes, bytearray)):
            return value  # already decoded (e.g. built in code)
        try:
            # bytes are base64 text too, as upstream reads them; inflating is bounded
            return parse_json(gunzip(b64decode_text(value)), field="awslogs.data")
        except Exception:
            raise ValueError("unable to decompress data") from None


class CloudWatchLogsModel(BaseModel):
    awslogs: CloudWatchLogsData
