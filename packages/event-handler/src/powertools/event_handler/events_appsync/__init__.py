"""AppSync Events: publish and subscribe handlers for channel namespaces."""

from __future__ import annotations

from powertools.common.lazy import lazy_exports

_EXPORTS = {"AppSyncEventsResolver": ".appsync_events"}

__all__ = ["AppSyncEventsResolver"]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
