"""AWS AppSync Events API handler events (publish and subscribe)."""

from typing import Any, Literal

from pydantic import BaseModel

from powertools.parser.models.appsync import AppSyncIdentity, AppSyncRequestModel


class AppSyncEventsInfoChannelModel(BaseModel):
    path: str
    segments: list[str]


class AppSyncEventsInfoChannelNamespaceModel(BaseModel):
    name: str


class AppSyncEventsInfoModel(BaseModel):
    channel: AppSyncEventsInfoChannelModel
    channelNamespace: AppSyncEventsInfoChannelNamespaceModel
    operation: Literal["PUBLISH", "SUBSCRIBE"]


class AppSyncEventsEventModel(BaseModel):
    id: str
    payload: dict[str, Any]


class AppSyncEventsModel(BaseModel):
    identity: AppSyncIdentity | None = None
    request: AppSyncRequestModel
    info: AppSyncEventsInfoModel
    prev: str | None = None
    outErrors: list[str] | None = None
    stash: dict[str, Any] | None = None
    events: list[AppSyncEventsEventModel] | None = None
