"""The feature flags schema: actions, time keys and values, and ``SchemaValidator``.

Upstream: aws_lambda_powertools.utilities.feature_flags.schema. The problem texts are
upstream's; each message then names where the problem is: ``feature=``, ``rule=`` and
``condition=`` (the 0-based index in the rule's ``conditions`` list).
"""

from __future__ import annotations

import logging
import re
import warnings
from datetime import datetime
from enum import Enum

from powertools.common.warnings import PowertoolsUserWarning
from powertools.feature_flags.base import BaseValidator
from powertools.feature_flags.constants import (
    CONDITION_ACTION,
    CONDITION_KEY,
    CONDITION_VALUE,
    CONDITIONS_KEY,
    FEATURE_DEFAULT_VAL_KEY,
    FEATURE_DEFAULT_VAL_TYPE_KEY,
    RULE_MATCH_VALUE,
    RULES_KEY,
    TIME_RANGE_FORMAT,
)
from powertools.feature_flags.exceptions import SchemaValidationError
from powertools.feature_flags.timezones import get_timezone

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

LOGGER = logging.getLogger(__name__)
TIME_RANGE_PATTERN = re.compile(r"(?:2[0-3]|[01]\d):[0-5]\d")  # exactly HH:MM, 24-hour clock


class RuleAction(str, Enum):
    EQUALS = "EQUALS"
    NOT_EQUALS = "NOT_EQUALS"
    KEY_GREATER_THAN_VALUE = "KEY_GREATER_THAN_VALUE"
    KEY_GREATER_THAN_OR_EQUAL_VALUE = "KEY_GREATER_THAN_OR_EQUAL_VALUE"
    KEY_LESS_THAN_VALUE = "KEY_LESS_THAN_VALUE"
    KEY_LESS_THAN_OR_EQUAL_VALUE = "KEY_LESS_THAN_OR_EQUAL_VALUE"
    STARTSWITH = "STARTSWITH"
    ENDSWITH = "ENDSWITH"
    IN = "IN"
    NOT_IN = "NOT_IN"
    KEY_IN_VALUE = "KEY_IN_VALUE"
    KEY_NOT_IN_VALUE = "KEY_NOT_IN_VALUE"
    VALUE_IN_KEY = "VALUE_IN_KEY"
    VALUE_NOT_IN_KEY = "VALUE_NOT_IN_KEY"
    ALL_IN_VALUE = "ALL_IN_VALUE"
    ANY_IN_VALUE = "ANY_IN_VALUE"
    NONE_IN_VALUE = "NONE_IN_VALUE"
    SCHEDULE_BETWEEN_TIME_RANGE = "SCHEDULE_BETWEEN_TIME_RANGE"  # HH:MM, 24-hour clock
    SCHEDULE_BETWEEN_DATETIME_RANGE = "SCHEDULE_BETWEEN_DATETIME_RANGE"  # ISO 8601 without a UTC offset
    SCHEDULE_BETWEEN_DAYS_OF_WEEK = "SCHEDULE_BETWEEN_DAYS_OF_WEEK"  # MONDAY, TUESDAY, ...
    MODULO_RANGE = "MODULO_RANGE"


class TimeKeys(Enum):
    """Condition keys of the time-based actions (they read the clock, not the context)."""

    CURRENT_TIME = "CURRENT_TIME"
    CURRENT_DAY_OF_WEEK = "CURRENT_DAY_OF_WEEK"
    CURRENT_DATETIME = "CURRENT_DATETIME"


class TimeValues(Enum):
    """Keys and day names in the value of a time-based condition."""

    START = "START"
    END = "END"
    TIMEZONE = "TIMEZONE"
    DAYS = "DAYS"
    SUNDAY = "SUNDAY"
    MONDAY = "MONDAY"
    TUESDAY = "TUESDAY"
    WEDNESDAY = "WEDNESDAY"
    THURSDAY = "THURSDAY"
    FRIDAY = "FRIDAY"
    SATURDAY = "SATURDAY"

    @classmethod
    def days(cls) -> list[str]:
        return list(_DAYS)


class ModuloRangeValues(Enum):
    """Keys in the value of a MODULO_RANGE condition."""

    BASE = "BASE"
    START = "START"
    END = "END"


_DAYS = ("SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY")
_ACTIONS = frozenset(RuleAction.__members__)
_LIST_ACTIONS = frozenset({"ALL_IN_VALUE", "ANY_IN_VALUE", "NONE_IN_VALUE"})
# Time-based actions and the one condition key each must use.
TIME_ACTION_KEYS = {
    "SCHEDULE_BETWEEN_TIME_RANGE": "CURRENT_TIME",
    "SCHEDULE_BETWEEN_DATETIME_RANGE": "CURRENT_DATETIME",
    "SCHEDULE_BETWEEN_DAYS_OF_WEEK": "CURRENT_DAY_OF_WEEK",
}


def _at(feature: str, rule: str | None = None, condition: int | None = None) -> str:
    where = f"feature={feature}"
    if rule is not None:
        where += f", rule={rule}"
    if condition is not None:
        where += f", condition={condition}"
    return where


class SchemaValidator(BaseValidator):
    """Checks a feature flags configuration; raises ``SchemaValidationError`` at the first problem.

    The configuration maps feature names to ``{"default": ..., "boolean_type": ..., "rules": {...}}``;
    each rule is ``{"when_match": ..., "conditions": [{"action": ..., "key": ..., "value": ...}]}``.
    """

    def __init__(self, schema: Any, logger: Any = None) -> None:
        self.schema = schema
        self.logger = logger or LOGGER

    def validate(self) -> None:
        self.logger.debug("Validating schema")
        schema = self.schema
        if not isinstance(schema, dict):
            raise SchemaValidationError(f"Features must be a dictionary, type={type(schema).__name__}")
        if not schema:
            # Usually an envelope that selected nothing: harmless, but worth a warning.
            warnings.warn(
                "Feature flags schema is empty, no features to validate", category=PowertoolsUserWarning, stacklevel=2
            )
            return
        for name, feature in schema.items():
            boolean_feature = _check_feature(name, feature)
            _check_rules(name, feature, boolean_feature)


def _check_feature(name: str, feature: Any) -> bool:
    if not feature or not isinstance(feature, dict):
        raise SchemaValidationError(f"Feature must be a non-empty dictionary, {_at(name)}")
    default = feature.get(FEATURE_DEFAULT_VAL_KEY)
    boolean_feature = feature.get(FEATURE_DEFAULT_VAL_TYPE_KEY, True)
    if default is None or (boolean_feature and not isinstance(default, bool)):
        raise SchemaValidationError(f"feature 'default' boolean key must be present, {_at(name)}")
    return bool(boolean_feature)


def _check_rules(name: str, feature: dict[str, Any], boolean_feature: bool) -> None:
    rules = feature.get(RULES_KEY)
    if not rules:
        if RULES_KEY in feature:
            # Evaluation falls back to 'default', but an empty 'rules' is probably a mistake.
            if isinstance(rules, dict) or rules is None:
                message = f"Feature has 'rules' but it is empty, feature={name}"
            else:
                message = (
                    f"Feature 'rules' should be a dictionary but is an empty {type(rules).__name__}, feature={name}"
                )
            warnings.warn(message, category=PowertoolsUserWarning, stacklevel=3)
        return
    if not isinstance(rules, dict):
        raise SchemaValidationError(f"Feature rules must be a dictionary, {_at(name)}")
    for rule_name, rule in rules.items():
        if not rule or not isinstance(rule, dict):
            raise SchemaValidationError(f"Feature rule must be a dictionary, {_at(name, rule_name)}")
        if not rule_name or not isinstance(rule_name, str):
            raise SchemaValidationError(f"Rule name key must have a non-empty string, {_at(name, rule_name)}")
        if boolean_feature and not isinstance(rule.get(RULE_MATCH_VALUE), bool):
            raise SchemaValidationError(f"'rule_default_value' key must have be bool, {_at(name, rule_name)}")
        conditions = rule.get(CONDITIONS_KEY)
        if not conditions or not isinstance(conditions, list):
            raise SchemaValidationError(f"Invalid condition, {_at(name, rule_name)}")
        for index, condition in enumerate(conditions):
            _check_condition(condition, _at(name, rule_name, index))


def _check_condition(condition: Any, where: str) -> None:
    if not condition or not isinstance(condition, dict):
        raise SchemaValidationError(f"Feature rule condition must be a dictionary, {where}")
    action = condition.get(CONDITION_ACTION, "")
    if not isinstance(action, str) or action not in _ACTIONS:
        allowed = [member.value for member in RuleAction]
        raise SchemaValidationError(f"'action' value must be either {allowed}, action={action}, {where}")
    key = condition.get(CONDITION_KEY, "")
    if not key or not isinstance(key, str):
        raise SchemaValidationError(f"'key' value must be a non empty string, {where}")
    time_key = TIME_ACTION_KEYS.get(action)
    if time_key is not None and key != time_key:
        raise SchemaValidationError(
            f"'condition with a '{action}' action must have a '{time_key}' condition key, {where}"
        )
    value = condition.get(CONDITION_VALUE)
    if value is None:
        raise SchemaValidationError(f"'value' key must not be null, {where}")
    if action in _LIST_ACTIONS:
        if not isinstance(value, list):
            raise SchemaValidationError(f"{action} action must have a list value, {where}")
    elif action == "MODULO_RANGE":
        _check_modulo_range(value, where)
    elif action == "SCHEDULE_BETWEEN_DAYS_OF_WEEK":
        _check_days_of_week(value, where)
    elif action == "SCHEDULE_BETWEEN_TIME_RANGE":
        _check_time_range(value, where)
    elif action == "SCHEDULE_BETWEEN_DATETIME_RANGE":
        _check_datetime_range(value, where)


def _check_modulo_range(value: Any, where: str) -> None:
    shape = (
        "condition with a 'MODULO_RANGE' action must have a condition value type dictionary "
        f"with 'BASE', 'START' and 'END' keys, {where}"
    )
    if not isinstance(value, dict):
        raise SchemaValidationError(shape)
    base, start, end = value.get("BASE"), value.get("START"), value.get("END")
    if base is None or start is None or end is None:
        raise SchemaValidationError(shape)
    if not isinstance(base, int) or not isinstance(start, int) or not isinstance(end, int):
        raise SchemaValidationError(f"'BASE', 'START' and 'END' must be integers, {where}")
    if not 0 <= start <= end <= base - 1:
        raise SchemaValidationError(
            f"condition with 'MODULO_RANGE' action must satisfy 0 <= START <= END <= BASE-1, {where}"
        )


def _check_days_of_week(value: Any, where: str) -> None:
    shape = (
        "condition with a CURRENT_DAY_OF_WEEK action must have a condition value dictionary "
        f"with 'DAYS' and 'TIMEZONE' (optional) keys, {where}"
    )
    if not isinstance(value, dict) or not isinstance(value.get("DAYS"), list):
        raise SchemaValidationError(shape)
    for day in value["DAYS"]:
        if not isinstance(day, str) or day not in _DAYS:
            raise SchemaValidationError(
                f"condition value DAYS must represent a day of the week in 'TimeValues' enum, {where}"
            )
    _check_timezone(value.get("TIMEZONE"), where)


def _start_end(value: Any, action: str, where: str) -> tuple[str, str]:
    if not isinstance(value, dict):
        raise SchemaValidationError(f"{action} action must have a dictionary with 'START' and 'END' keys, {where}")
    start, end = value.get("START", ""), value.get("END", "")
    if not isinstance(start, str) or not isinstance(end, str):
        raise SchemaValidationError(f"'START' and 'END' must be a non empty string, {where}")
    return start, end


def _check_time_range(value: Any, where: str) -> None:
    start, end = _start_end(value, "SCHEDULE_BETWEEN_TIME_RANGE", where)
    if not TIME_RANGE_PATTERN.fullmatch(start) or not TIME_RANGE_PATTERN.fullmatch(end):
        raise SchemaValidationError(
            f"'START' and 'END' must be a valid time format, time_format={TIME_RANGE_FORMAT}, {where}"
        )
    _check_timezone(value.get("TIMEZONE"), where)


def _check_datetime_range(value: Any, where: str) -> None:
    for text in _start_end(value, "SCHEDULE_BETWEEN_DATETIME_RANGE", where):
        try:
            # Python 3.10's fromisoformat does not know "Z".
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise SchemaValidationError(f"'START' and 'END' must be a valid ISO8601 time format, {where}") from None
        if moment.tzinfo is not None:
            # The zone comes only from TIMEZONE, so that daylight saving time is applied.
            raise SchemaValidationError(
                "'START' and 'END' must not include timezone information. "
                f"Set the timezone using the 'TIMEZONE' field, {where}"
            )
    _check_timezone(value.get("TIMEZONE"), where)


def _check_timezone(timezone: Any, where: str) -> None:
    timezone = timezone or "UTC"
    if not isinstance(timezone, str):
        raise SchemaValidationError(f"'TIMEZONE' must be a string, {where}")
    if get_timezone(timezone) is None:
        raise SchemaValidationError(f"'TIMEZONE' value must represent a valid IANA timezone, {where}")
