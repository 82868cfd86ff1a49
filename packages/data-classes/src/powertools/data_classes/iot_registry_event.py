"""AWS IoT Core registry events (things, thing types, thing groups and memberships)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.exceptions import InvalidEventError
from powertools.data_classes._fields import Field

__all__ = [
    "IoTCoreAddOrDeleteFromThingGroupEvent",
    "IoTCoreAddOrRemoveFromThingGroupEvent",
    "IoTCoreRegistryEventsBase",
    "IoTCoreThingEvent",
    "IoTCoreThingGroupEvent",
    "IoTCoreThingTypeAssociationEvent",
    "IoTCoreThingTypeEvent",
]

Operation = Literal["CREATED", "UPDATED", "DELETED"]


class IoTCoreRegistryEventsBase(DictWrapper):
    event_id = Field[str]("eventId")

    @property
    def timestamp(self) -> datetime | None:
        """When the event happened, as upstream gives it: a naive local-time ``datetime``.

        The event carries epoch seconds or milliseconds; values past 10**10 are read as milliseconds.
        """
        value = self._data.get("timestamp")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise InvalidEventError(
                f"timestamp must be epoch seconds or milliseconds, got {value!r:.80}", field="timestamp"
            )
        try:
            return datetime.fromtimestamp(value / 1000 if value > 10**10 else value)
        except (OverflowError, OSError, ValueError):
            raise InvalidEventError(f"timestamp={value!r} is out of range", field="timestamp") from None


class IoTCoreThingEvent(IoTCoreRegistryEventsBase):
    """A thing was created, updated or deleted."""

    event_type = Field[Literal["THING_EVENT"]]("eventType")
    operation = Field[Operation]("operation")
    thing_id = Field[str]("thingId")
    account_id = Field[str]("accountId")
    thing_name = Field[str]("thingName")
    version_number = Field[int]("versionNumber")
    thing_type_name = Field[str]("thingTypeName")
    attributes = Field[dict[str, Any]]("attributes")


class IoTCoreThingTypeEvent(IoTCoreRegistryEventsBase):
    """A thing type was created, updated, deprecated or deleted."""

    event_type = Field[Literal["THING_TYPE_EVENT"]]("eventType")
    operation = Field[Operation]("operation")
    account_id = Field[str]("accountId")
    thing_type_id = Field[str]("thingTypeId")
    thing_type_name = Field[str]("thingTypeName")
    is_deprecated = Field[bool]("isDeprecated")
    deprecation_date = Field[str]("deprecationDate")
    searchable_attributes = Field[list[str]]("searchableAttributes")
    propagating_attributes = Field[list[dict[str, str]]]("propagatingAttributes")
    description = Field[str]("description")


class IoTCoreThingTypeAssociationEvent(IoTCoreRegistryEventsBase):
    """A thing type was associated with (or removed from) a thing."""

    event_type = Field[Literal["THING_TYPE_ASSOCIATION_EVENT"]]("eventType")
    operation = Field[Literal["ADDED", "REMOVED"]]("operation")
    thing_id = Field[str]("thingId")
    thing_name = Field[str]("thingName")
    thing_type_name = Field[str]("thingTypeName")


class IoTCoreThingGroupEvent(IoTCoreRegistryEventsBase):
    """A thing group was created, updated or deleted."""

    event_type = Field[Literal["THING_GROUP_EVENT"]]("eventType")
    operation = Field[Operation]("operation")
    account_id = Field[str]("accountId")
    thing_group_id = Field[str]("thingGroupId")
    thing_group_name = Field[str]("thingGroupName")
    version_number = Field[int]("versionNumber")
    parent_group_name = Field[str]("parentGroupName")
    parent_group_id = Field[str]("parentGroupId")
    description = Field[str]("description")
    root_to_parent_thing_groups = Field[list[dict[str, str]]]("rootToParentThingGroups")
    attributes = Field[dict[str, Any]]("attributes")
    dynamic_group_mapping_id = Field[str]("dynamicGroupMappingId")


class IoTCoreAddOrRemoveFromThingGroupEvent(IoTCoreRegistryEventsBase):
    """A thing was added to or removed from a thing group."""

    event_type = Field[Literal["THING_GROUP_MEMBERSHIP_EVENT"]]("eventType")
    operation = Field[Literal["ADDED", "REMOVED"]]("operation")
    account_id = Field[str]("accountId")
    group_arn = Field[str]("groupArn")
    group_id = Field[str]("groupId")
    thing_arn = Field[str]("thingArn")
    thing_id = Field[str]("thingId")
    membership_id = Field[str]("membershipId")


class IoTCoreAddOrDeleteFromThingGroupEvent(IoTCoreRegistryEventsBase):
    """A thing group was added to or removed from a parent group."""

    event_type = Field[Literal["THING_GROUP_HIERARCHY_EVENT"]]("eventType")
    operation = Field[Literal["ADDED", "REMOVED"]]("operation")
    account_id = Field[str]("accountId")
    thing_group_id = Field[str]("thingGroupId")
    thing_group_name = Field[str]("thingGroupName")
    child_group_id = Field[str]("childGroupId")
    child_group_name = Field[str]("childGroupName")
