"""Amazon CloudWatch alarm state change invoking a Lambda action."""

from __future__ import annotations

from typing import Any, Literal

from powertools.common.dict_wrapper import DictWrapper, parse_json
from powertools.data_classes._fields import Field, FieldOr, Section, wrap_list

__all__ = [
    "CloudWatchAlarmConfiguration",
    "CloudWatchAlarmData",
    "CloudWatchAlarmEvent",
    "CloudWatchAlarmMetric",
    "CloudWatchAlarmMetricStat",
    "CloudWatchAlarmState",
]


class CloudWatchAlarmState(DictWrapper):
    value = Field[Literal["OK", "ALARM", "INSUFFICIENT_DATA"]]("value")
    reason = Field[str]("reason", "Human-readable explanation of the state.")
    reason_data = Field[str]("reasonData", "Machine-readable explanation, a JSON string (metric alarms).")
    actions_suppressed_by = Field[Literal["Alarm", "ExtensionPeriod", "WaitPeriod"]]("actionsSuppressedBy")
    actions_suppressed_reason = Field[str]("actionsSuppressedReason")
    timestamp = Field[str]("timestamp")

    @property
    def reason_data_decoded(self) -> Any:
        """``reason_data`` parsed as JSON (cached); None when absent."""
        return self._cached(
            "reason_data_decoded",
            lambda: parse_json(self.reason_data, field="reasonData", deserializer=self._json_deserializer),
        )


class CloudWatchAlarmMetricStat(DictWrapper):
    period = Field[int]("period")
    stat = Field[str]("stat")
    unit = Field[str]("unit")
    metric = FieldOr[dict[str, Any]]("metric", dict, "``namespace``, ``name`` and ``dimensions``.")


class CloudWatchAlarmMetric(DictWrapper):
    metric_id = Field[str]("id")
    expression = Field[str]("expression", "Set for metric math expressions.")
    label = Field[str]("label")
    return_data = Field[bool]("returnData")
    metric_stat = Section(CloudWatchAlarmMetricStat, "metricStat", optional=True)


class CloudWatchAlarmConfiguration(DictWrapper):
    description = Field[str]("description")
    alarm_rule = Field[str]("alarmRule", "Composite alarms only.")
    alarm_actions_suppressor = Field[str]("actionsSuppressor")
    alarm_actions_suppressor_wait_period = Field[str]("actionsSuppressorWaitPeriod")
    alarm_actions_suppressor_extension_period = Field[str]("actionsSuppressorExtensionPeriod")

    @property
    def metrics(self) -> list[CloudWatchAlarmMetric]:
        """The metrics a metric alarm evaluates; empty for composite alarms."""
        return list(wrap_list(self, "metrics", CloudWatchAlarmMetric))


class CloudWatchAlarmData(DictWrapper):
    alarm_name = Field[str]("alarmName")
    state = Section(CloudWatchAlarmState, "state")
    previous_state = Section(CloudWatchAlarmState, "previousState")
    configuration = Section(CloudWatchAlarmConfiguration, "configuration")


class CloudWatchAlarmEvent(DictWrapper):
    """A metric or composite alarm changed state."""

    source = Field[Literal["aws.cloudwatch"]]("source")
    alarm_arn = Field[str]("alarmArn")
    region = Field[str]("region")
    source_account_id = Field[str]("accountId")
    timestamp = Field[str]("time")
    alarm_data = Section(CloudWatchAlarmData, "alarmData")
