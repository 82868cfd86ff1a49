"""AWS AppSync resolver event (the shapes live in powertools.common.events.appsync)."""

from __future__ import annotations

from powertools.common.events.appsync import (
    AppSyncEventBase,
    AppSyncIdentityCognito,
    AppSyncIdentityIAM,
    AppSyncResolverEvent,
    AppSyncResolverEventInfo,
    get_identity_object,
)

__all__ = [
    "AppSyncEventBase",
    "AppSyncIdentityCognito",
    "AppSyncIdentityIAM",
    "AppSyncResolverEvent",
    "AppSyncResolverEventInfo",
    "get_identity_object",
]
