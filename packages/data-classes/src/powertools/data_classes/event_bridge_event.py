"""Amazon EventBridge event."""

from __future__ import annotations

from typing import Any

from powertools.common.dict_wrapper import DictWrapper
from powertools.data_classes._fields import Field

__all__ = ["EventBridgeEvent"]


class EventBridgeEvent(DictWrapper):
    """An event delivered by an EventBridge rule (custom, AWS service or scheduled)."""

    get_id = Field[str]("id", "The event's unique id.")
    version = Field[str]("version")
    account = Field[str]("account")
    time = Field[str]("time", "When the event happened, ISO 8601 (``2024-05-14T10:15:30Z``).")
    region = Field[str]("region")
    resources = Field[list[str]]("resources")
    source = Field[str]("source")
    detail_type = Field[str]("detail-type")
    detail = Field[Any]("detail", "The event payload.")
    replay_name = Field[str]("replay-name", "Set only when the event comes from an archive replay.")
