"""Amazon EventBridge event (also CloudWatch Events and EventBridge Scheduler)."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator


class EventBridgeModel(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    version: str
    id: str
    source: str
    account: str
    time: datetime
    region: str
    resources: list[str]
    detail_type: str = Field(..., alias="detail-type")
    detail: dict[str, Any] | type[BaseModel] | BaseModel
    replay_name: str | None = Field(None, alias="replay-name")

    @field_validator("detail", mode="before")
    @classmethod
    def _scheduler_empty_detail(cls, value: Any, info: ValidationInfo) -> Any:
        # EventBridge Scheduler sends the empty detail as the string "{}".
        return {} if value == "{}" and info.data.get("source") == "aws.scheduler" else value
