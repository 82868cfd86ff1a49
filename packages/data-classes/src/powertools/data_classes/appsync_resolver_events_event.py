"""AWS AppSync Events API handler event (publish and subscribe)."""

from __future__ import annotations

from typing import Any

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.events.appsync import AppSyncEventBase
from powertools.data_classes._fields import Field, FieldOr, Section

__all__ = ["AppSyncResolverEventsEvent", "AppSyncResolverEventsInfo"]


class AppSyncResolverEventsInfo(DictWrapper):
    """The channel and operation of an AppSync Events request."""

    operation = Field[str]("operation", "``PUBLISH`` or ``SUBSCRIBE``.")

    @property
    def channel(self) -> dict[str, Any]:
        return dict(self._section("channel"))

    @property
    def channel_path(self) -> str | None:
        return self._section("channel").get("path")

    @property
    def channel_segments(self) -> list[str] | None:
        return self._section("channel").get("segments")

    @property
    def channel_namespace(self) -> dict[str, Any]:
        return dict(self._section("channelNamespace"))


class AppSyncResolverEventsEvent(AppSyncEventBase):
    """Events published to (or a subscription on) an AppSync Events channel."""

    events = FieldOr[list[dict[str, Any]]](
        "events", lambda: [{}], "The published events (``id`` and ``payload``); ``[{}]`` on subscribe, as upstream."
    )
    out_errors = FieldOr[list[Any]]("outErrors", list)
    info = Section(AppSyncResolverEventsInfo, "info")
