"""Malformed configurations: SchemaValidationError naming the feature, rule and condition at fault."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from powertools.common.warnings import PowertoolsUserWarning
from powertools.feature_flags import FeatureFlags, SchemaValidationError, SchemaValidator, StoreProvider


class StaticStore(StoreProvider):
    def __init__(self, config: Any) -> None:
        self.config = config

    @property
    def get_raw_configuration(self) -> dict[str, Any]:
        return self.config  # type: ignore[no-any-return]

    def get_configuration(self) -> dict[str, Any]:
        return self.config  # type: ignore[no-any-return]


def with_condition(condition: Any, boolean: bool = True) -> dict[str, Any]:
    ok = {"action": "EQUALS", "key": "tier", "value": "gold"}
    return {
        "fine": {"default": True},
        "flag": {
            "default": False,
            "rules": {
                "good rule": {"when_match": True, "conditions": [ok]},
                "bad rule": {"when_match": True, "conditions": [ok, condition]},
            },
        },
    }


AT = "feature=flag, rule=bad rule, condition=1"
ACTIONS = (
    "['EQUALS', 'NOT_EQUALS', 'KEY_GREATER_THAN_VALUE', 'KEY_GREATER_THAN_OR_EQUAL_VALUE', 'KEY_LESS_THAN_VALUE', "
    "'KEY_LESS_THAN_OR_EQUAL_VALUE', 'STARTSWITH', 'ENDSWITH', 'IN', 'NOT_IN', 'KEY_IN_VALUE', 'KEY_NOT_IN_VALUE', "
    "'VALUE_IN_KEY', 'VALUE_NOT_IN_KEY', 'ALL_IN_VALUE', 'ANY_IN_VALUE', 'NONE_IN_VALUE', "
    "'SCHEDULE_BETWEEN_TIME_RANGE', 'SCHEDULE_BETWEEN_DATETIME_RANGE', 'SCHEDULE_BETWEEN_DAYS_OF_WEEK', 'MODULO_RANGE']"
)
TIME = "SCHEDULE_BETWEEN_TIME_RANGE"
DATETIME = "SCHEDULE_BETWEEN_DATETIME_RANGE"
DAYS = "SCHEDULE_BETWEEN_DAYS_OF_WEEK"

CONFIGS: dict[str, tuple[Any, str]] = {
    "not a dict": (["flag"], "Features must be a dictionary, type=list"),
    "feature not a dict": ({"flag": "on"}, "Feature must be a non-empty dictionary, feature=flag"),
    "no default": ({"flag": {"rules": {}}}, "feature 'default' boolean key must be present, feature=flag"),
    "non-boolean default": ({"flag": {"default": "on"}}, "feature 'default' boolean key must be present, feature=flag"),
    "rules not a dict": (
        {"flag": {"default": True, "rules": ["r"]}},
        "Feature rules must be a dictionary, feature=flag",
    ),
    "rule not a dict": (
        {"flag": {"default": True, "rules": {"r1": "x"}}},
        "Feature rule must be a dictionary, feature=flag, rule=r1",
    ),
    "empty rule name": (
        {"flag": {"default": True, "rules": {"": {"when_match": True, "conditions": []}}}},
        "Rule name key must have a non-empty string, feature=flag, rule=",
    ),
    "when_match not bool": (
        {"flag": {"default": True, "rules": {"r1": {"when_match": "yes", "conditions": []}}}},
        "'rule_default_value' key must have be bool, feature=flag, rule=r1",
    ),
    "no conditions": (
        {"flag": {"default": True, "rules": {"r1": {"when_match": True}}}},
        "Invalid condition, feature=flag, rule=r1",
    ),
    "condition not a dict": (with_condition("EQUALS"), f"Feature rule condition must be a dictionary, {AT}"),
    "unknown action": (
        with_condition({"action": "LIKE", "key": "a", "value": "b"}),
        f"'action' value must be either {ACTIONS}, action=LIKE, {AT}",
    ),
    "action not a string": (
        with_condition({"action": ["EQUALS"], "key": "a", "value": "b"}),
        f"'action' value must be either {ACTIONS}, action=['EQUALS'], {AT}",
    ),
    "empty key": (
        with_condition({"action": "EQUALS", "key": "", "value": "b"}),
        f"'key' value must be a non empty string, {AT}",
    ),
    "null value": (
        with_condition({"action": "EQUALS", "key": "a", "value": None}),
        f"'value' key must not be null, {AT}",
    ),
    "list action without a list": (
        with_condition({"action": "ANY_IN_VALUE", "key": "a", "value": "b"}),
        f"ANY_IN_VALUE action must have a list value, {AT}",
    ),
    "modulo not a dict": (
        with_condition({"action": "MODULO_RANGE", "key": "a", "value": 3}),
        "condition with a 'MODULO_RANGE' action must have a condition value type dictionary with 'BASE', 'START' "
        f"and 'END' keys, {AT}",
    ),
    "modulo not integers": (
        with_condition({"action": "MODULO_RANGE", "key": "a", "value": {"BASE": 10, "START": "0", "END": 3}}),
        f"'BASE', 'START' and 'END' must be integers, {AT}",
    ),
    "modulo out of range": (
        with_condition({"action": "MODULO_RANGE", "key": "a", "value": {"BASE": 10, "START": 5, "END": 10}}),
        f"condition with 'MODULO_RANGE' action must satisfy 0 <= START <= END <= BASE-1, {AT}",
    ),
    "time key": (
        with_condition({"action": TIME, "key": "NOW", "value": {"START": "09:00", "END": "10:00"}}),
        f"'condition with a '{TIME}' action must have a 'CURRENT_TIME' condition key, {AT}",
    ),
    "time not a dict": (
        with_condition({"action": TIME, "key": "CURRENT_TIME", "value": "09:00"}),
        f"{TIME} action must have a dictionary with 'START' and 'END' keys, {AT}",
    ),
    "time format": (
        with_condition({"action": TIME, "key": "CURRENT_TIME", "value": {"START": "9:00", "END": "10:00"}}),
        f"'START' and 'END' must be a valid time format, time_format=%H:%M, {AT}",
    ),
    "time zone unknown": (
        with_condition(
            {
                "action": TIME,
                "key": "CURRENT_TIME",
                "value": {"START": "09:00", "END": "10:00", "TIMEZONE": "Mars/Base"},
            }
        ),
        f"'TIMEZONE' value must represent a valid IANA timezone, {AT}",
    ),
    "time zone not a string": (
        with_condition(
            {"action": TIME, "key": "CURRENT_TIME", "value": {"START": "09:00", "END": "10:00", "TIMEZONE": 2}}
        ),
        f"'TIMEZONE' must be a string, {AT}",
    ),
    "datetime key": (
        with_condition({"action": DATETIME, "key": "CURRENT_TIME", "value": {"START": "2026-01-01T00:00:00"}}),
        f"'condition with a '{DATETIME}' action must have a 'CURRENT_DATETIME' condition key, {AT}",
    ),
    "datetime not ISO": (
        with_condition(
            {"action": DATETIME, "key": "CURRENT_DATETIME", "value": {"START": "tomorrow", "END": "2026-01-01"}}
        ),
        f"'START' and 'END' must be a valid ISO8601 time format, {AT}",
    ),
    "datetime with offset": (
        with_condition(
            {
                "action": DATETIME,
                "key": "CURRENT_DATETIME",
                "value": {"START": "2026-01-01T00:00:00Z", "END": "2026-01-02"},
            }
        ),
        f"'START' and 'END' must not include timezone information. Set the timezone using the 'TIMEZONE' field, {AT}",
    ),
    "datetime not strings": (
        with_condition({"action": DATETIME, "key": "CURRENT_DATETIME", "value": {"START": 1, "END": 2}}),
        f"'START' and 'END' must be a non empty string, {AT}",
    ),
    "days key": (
        with_condition({"action": DAYS, "key": "CURRENT_TIME", "value": {"DAYS": ["MONDAY"]}}),
        f"'condition with a '{DAYS}' action must have a 'CURRENT_DAY_OF_WEEK' condition key, {AT}",
    ),
    "days missing": (
        with_condition({"action": DAYS, "key": "CURRENT_DAY_OF_WEEK", "value": {"TIMEZONE": "UTC"}}),
        "condition with a CURRENT_DAY_OF_WEEK action must have a condition value dictionary with 'DAYS' and "
        f"'TIMEZONE' (optional) keys, {AT}",
    ),
    "days unknown": (
        with_condition({"action": DAYS, "key": "CURRENT_DAY_OF_WEEK", "value": {"DAYS": ["monday"]}}),
        f"condition value DAYS must represent a day of the week in 'TimeValues' enum, {AT}",
    ),
}


@pytest.mark.parametrize("case", list(CONFIGS))
def test_schema_error_names_where(case: str) -> None:
    config, message = CONFIGS[case]
    with pytest.raises(SchemaValidationError) as raised:
        SchemaValidator(config).validate()
    assert str(raised.value) == message


def test_evaluate_raises_schema_errors_every_time_and_recovers() -> None:
    store = StaticStore(CONFIGS["null value"][0])
    flags = FeatureFlags(store=store)
    for _ in range(2):  # a failed configuration is not remembered as validated
        with pytest.raises(SchemaValidationError, match="feature=flag, rule=bad rule, condition=1"):
            flags.evaluate(name="fine", default=False)
    store.config = {"fine": {"default": True}}
    assert flags.evaluate(name="fine", default=False) is True


def test_empty_configuration_and_empty_rules_warn() -> None:
    with pytest.warns(PowertoolsUserWarning, match="Feature flags schema is empty, no features to validate"):
        SchemaValidator({}).validate()
    with pytest.warns(PowertoolsUserWarning, match="Feature has 'rules' but it is empty, feature=flag"):
        SchemaValidator({"flag": {"default": True, "rules": {}}}).validate()
    with pytest.warns(PowertoolsUserWarning, match="should be a dictionary but is an empty list, feature=flag"):
        SchemaValidator({"flag": {"default": True, "rules": []}}).validate()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        SchemaValidator({"flag": {"default": {"a": 1}, "boolean_type": False}}).validate()
