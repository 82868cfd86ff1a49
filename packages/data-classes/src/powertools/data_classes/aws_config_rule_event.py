"""AWS Config custom rule event: the rule's context plus a JSON ``invokingEvent``.

``invokingEvent`` is one of three notifications, told apart by ``messageType``: a
configuration item changed, a periodic (scheduled) evaluation, or a change whose
configuration item was too large to include (only its summary is sent).
"""

from __future__ import annotations

from typing import Any

from powertools.common.dict_wrapper import DictWrapper, parse_json
from powertools.data_classes._fields import Field, FieldOr, Flag, mapping

__all__ = [
    "AWSConfigConfigurationChanged",
    "AWSConfigConfigurationItemChanged",
    "AWSConfigOversizedConfiguration",
    "AWSConfigOversizedConfigurationItemSummary",
    "AWSConfigRuleEvent",
    "AWSConfigScheduledNotification",
    "get_invoke_event",
]


class _ResourceFields(DictWrapper):
    """What a configuration item and its oversized summary both say about the resource."""

    configuration_item_version = Field[str]("configurationItemVersion")
    configuration_item_capture_time = Field[str]("configurationItemCaptureTime")
    configuration_state_id = Field[int]("configurationStateId")
    accountid = Field[str]("awsAccountId", "The account that owns the resource.")
    configuration_item_status = Field[str]("configurationItemStatus", "OK, ResourceDiscovered, ResourceDeleted, ...")
    resource_type = Field[str]("resourceType", "e.g. ``AWS::EC2::Instance``.")
    resource_id = Field[str]("resourceId")
    resource_name = Field[str]("resourceName")
    resource_arn = Field[str]("ARN")
    region = Field[str]("awsRegion")
    availability_zone = Field[str]("availabilityZone")
    configuration_state_md5_hash = Field[str]("configurationStateMd5Hash")
    resource_creation_time = Field[str]("resourceCreationTime")


class AWSConfigConfigurationItemChanged(_ResourceFields):
    """The resource's configuration item after the change."""

    related_events = FieldOr[list[Any]]("relatedEvents", list)
    relationships = FieldOr[list[Any]]("relationships", list)
    configuration = Field[dict[str, Any]]("configuration", "The resource's configuration (None once deleted).")
    supplementary_configuration = FieldOr[dict[str, Any]]("supplementaryConfiguration", dict)
    tags = FieldOr[dict[str, str]]("tags", dict)


class AWSConfigOversizedConfigurationItemSummary(_ResourceFields):
    """What Config sends instead of a configuration item that is too large."""

    change_type = Field[str]("changeType", "CREATE, UPDATE or DELETE.")


class _Notification(DictWrapper):
    message_type = Field[str]("messageType")
    notification_creation_time = Field[str]("notificationCreationTime")
    record_version = Field[str]("recordVersion")


class AWSConfigConfigurationChanged(_Notification):
    """``ConfigurationItemChangeNotification``: a resource's configuration changed."""

    configuration_item_diff = FieldOr[dict[str, Any]]("configurationItemDiff", dict)
    raw_configuration_item = FieldOr[dict[str, Any]]("configurationItem", dict)

    @property
    def configuration_item(self) -> AWSConfigConfigurationItemChanged:
        return AWSConfigConfigurationItemChanged(
            mapping(self._data.get("configurationItem") or {}, "configurationItem")
        )


class AWSConfigScheduledNotification(_Notification):
    """``ScheduledNotification``: a periodic evaluation of the rule."""

    accountid = Field[str]("awsAccountId")


class AWSConfigOversizedConfiguration(_Notification):
    """``OversizedConfigurationItemChangeNotification``: a change, with only a summary of the item."""

    raw_configuration_item_summary = FieldOr[dict[str, Any]]("configurationItemSummary", dict)

    @property
    def configuration_item_summary(self) -> AWSConfigOversizedConfigurationItemSummary:
        summary = mapping(self._data.get("configurationItemSummary") or {}, "configurationItemSummary")
        return AWSConfigOversizedConfigurationItemSummary(summary)


InvokingEvent = AWSConfigConfigurationChanged | AWSConfigScheduledNotification | AWSConfigOversizedConfiguration


def get_invoke_event(invoking_event: dict[str, Any]) -> InvokingEvent:
    """The notification class for ``invoking_event``'s ``messageType`` (a change by default, as upstream)."""
    message_type = invoking_event.get("messageType")
    if message_type == "ScheduledNotification":
        return AWSConfigScheduledNotification(invoking_event)
    if message_type == "OversizedConfigurationItemChangeNotification":
        return AWSConfigOversizedConfiguration(invoking_event)
    return AWSConfigConfigurationChanged(invoking_event)


class AWSConfigRuleEvent(DictWrapper):
    """An AWS Config custom rule invocation."""

    version = Field[str]("version")
    raw_invoking_event = Field[str]("invokingEvent", "The invoking event as the JSON text Config sends.")
    result_token = Field[str]("resultToken", "Pass it back to ``PutEvaluations``.")
    event_left_scope = Flag("eventLeftScope", "True when the resource is no longer in the rule's scope.")
    execution_role_arn = Field[str]("executionRoleArn")
    config_rule_arn = Field[str]("configRuleArn")
    config_rule_name = Field[str]("configRuleName")
    config_rule_id = Field[str]("configRuleId")
    accountid = Field[str]("accountId")
    evalution_mode = Field[str]("evaluationMode", "DETECTIVE or PROACTIVE (upstream's spelling of the name).")

    @property
    def invoking_event(self) -> InvokingEvent:
        """``invokingEvent`` parsed (once) and wrapped in the class its ``messageType`` names."""

        def parse() -> dict[str, Any]:
            parsed = parse_json(self.raw_invoking_event, field="invokingEvent", deserializer=self._json_deserializer)
            return dict(mapping(parsed if parsed is not None else {}, "invokingEvent"))

        return get_invoke_event(self._cached("invoking_event", parse))

    @property
    def rule_parameters(self) -> dict[str, Any]:
        """``ruleParameters`` parsed from JSON (once); empty when the rule has none."""

        def parse() -> dict[str, Any]:
            raw = self._data.get("ruleParameters")
            parsed = parse_json(raw, field="ruleParameters", deserializer=self._json_deserializer)
            return dict(mapping(parsed if parsed is not None else {}, "ruleParameters"))

        return self._cached("rule_parameters", parse)
