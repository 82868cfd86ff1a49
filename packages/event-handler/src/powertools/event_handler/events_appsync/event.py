"""The AppSync Events handler event (``current_event``).

The same fields as ``powertools.data_classes.AppSyncResolverEventsEvent``; it is defined
here because a utility may import only ``powertools.common``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.events.appsync import AppSyncEventBase

__all__ = ["AppSyncResolverEventsEvent", "AppSyncResolverEventsInfo"]


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


class AppSyncResolverEventsInfo(DictWrapper):
    """The channel and operation of an AppSync Events request."""

    @property
    def operation(self) -> str | None:
        """``PUBLISH`` or ``SUBSCRIBE``."""
        return self._data.get("operation")

    @property
    def channel(self) -> dict[str, Any]:
        return dict(_mapping(self._data.get("channel")))

    @property
    def channel_path(self) -> str | None:
        return _mapping(self._data.get("channel")).get("path")

    @property
    def channel_segments(self) -> list[str] | None:
        return _mapping(self._data.get("channel")).get("segments")

    @property
    def channel_namespace(self) -> dict[str, Any]:
        return dict(_mapping(self._data.get("channelNamespace")))


class AppSyncResolverEventsEvent(AppSyncEventBase):
    """Events published to (or a subscription on) an AppSync Events channel."""

    @property
    def events(self) -> list[dict[str, Any]]:
        """The published events (each ``{"id", "payload"}``); ``[{}]`` on subscribe, as upstream."""
        return self._data.get("events") or [{}]

    @property
    def out_errors(self) -> list[Any]:
        return self._data.get("outErrors") or []

    @property
    def info(self) -> AppSyncResolverEventsInfo:
        return AppSyncResolverEventsInfo(_mapping(self._data.get("info")))
