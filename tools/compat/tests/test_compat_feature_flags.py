"""Feature flags: the same configuration and contexts evaluated by upstream and ours, every answer compared.

Answers, warnings and exception classes are compared as they are. Schema error messages
differ as documented in packages/feature-flags/README.md ("Differences from upstream":
"Schema errors name the feature, rule and condition"): the problem text is upstream's, the
location that follows it is ours, and the test asserts exactly that.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime, timezone, tzinfo
from typing import Any

import pytest

from tools.compat.harness import FLAVOURS, OURS, UPSTREAM, Flavour


def condition(action: str, key: str, value: Any) -> dict[str, Any]:
    return {"action": action, "key": key, "value": value}


def single(action: str, value: Any, key: str = "attr") -> dict[str, Any]:
    return {
        "default": False,
        "rules": {f"{action} rule": {"when_match": True, "conditions": [condition(action, key, value)]}},
    }


CONFIG: dict[str, Any] = {
    "equals": single("EQUALS", "gold"),
    "not_equals": single("NOT_EQUALS", "gold"),
    "gt": single("KEY_GREATER_THAN_VALUE", 10),
    "gte": single("KEY_GREATER_THAN_OR_EQUAL_VALUE", 10),
    "lt": single("KEY_LESS_THAN_VALUE", 10),
    "lte": single("KEY_LESS_THAN_OR_EQUAL_VALUE", 10),
    "startswith": single("STARTSWITH", "go"),
    "endswith": single("ENDSWITH", "ld"),
    "in": single("IN", ["gold", "silver", 10]),
    "in_string": single("IN", "golden"),
    "not_in": single("NOT_IN", ["gold", "silver"]),
    "key_in_value": single("KEY_IN_VALUE", ["gold", 11]),
    "key_not_in_value": single("KEY_NOT_IN_VALUE", ["gold"]),
    "value_in_key": single("VALUE_IN_KEY", "gold"),
    "value_not_in_key": single("VALUE_NOT_IN_KEY", "gold"),
    "all_in_value": single("ALL_IN_VALUE", ["gold", "silver"]),
    "any_in_value": single("ANY_IN_VALUE", ["gold", "silver"]),
    "none_in_value": single("NONE_IN_VALUE", ["gold", "silver"]),
    "modulo": single("MODULO_RANGE", {"BASE": 10, "START": 0, "END": 4}),
    "time_range": single(
        "SCHEDULE_BETWEEN_TIME_RANGE",
        {"START": "09:00", "END": "17:00", "TIMEZONE": "Europe/Copenhagen"},
        "CURRENT_TIME",
    ),
    "time_midnight": single(
        "SCHEDULE_BETWEEN_TIME_RANGE",
        {"START": "22:00", "END": "02:00", "TIMEZONE": "America/New_York"},
        "CURRENT_TIME",
    ),
    "datetime_range": single(
        "SCHEDULE_BETWEEN_DATETIME_RANGE",
        {"START": "2026-07-14T00:00:00", "END": "2026-07-14T23:59:59", "TIMEZONE": "Asia/Tokyo"},
        "CURRENT_DATETIME",
    ),
    "weekend": single(
        "SCHEDULE_BETWEEN_DAYS_OF_WEEK",
        {"DAYS": ["SATURDAY", "SUNDAY"], "TIMEZONE": "America/Chicago"},
        "CURRENT_DAY_OF_WEEK",
    ),
    "weekday_utc": single("SCHEDULE_BETWEEN_DAYS_OF_WEEK", {"DAYS": ["TUESDAY"]}, "CURRENT_DAY_OF_WEEK"),
    "non_boolean": {
        "default": {"limit": 1},
        "boolean_type": False,
        "rules": {
            "first": {"when_match": {"limit": 100}, "conditions": [condition("EQUALS", "attr", "gold")]},
            "second": {"when_match": {"limit": 50}, "conditions": [condition("STARTSWITH", "attr", "g")]},
            "two conditions": {
                "when_match": [],
                "conditions": [
                    condition("KEY_GREATER_THAN_VALUE", "attr", 1),
                    condition("MODULO_RANGE", "attr", {"BASE": 3, "START": 0, "END": 0}),
                ],
            },
        },
    },
    "always_on": {"default": True},
    "empty_rules": {"default": True, "rules": {}},
    "off_by_default": {"default": False},
}

CONTEXTS: list[Any] = [
    None,
    {},
    {"attr": "gold"},
    {"attr": "golden"},
    {"attr": "bronze"},
    {"attr": 10},
    {"attr": 11},
    {"attr": 9},
    {"attr": 12},
    {"attr": 3.5},
    {"attr": True},
    {"attr": None},
    {"attr": ["gold"]},
    {"attr": ["gold", "silver"]},
    {"attr": ["gold", "copper"]},
    {"attr": ["copper"]},
    {"attr": []},
    {"attr": {"gold": 1}},
    {"attr": "%d"},
    {"other": "gold"},
]

# Tuesday 2026-07-14: 07:30 UTC = 09:30 in Copenhagen, 03:30 in New York, 16:30 in Tokyo.
# Sunday 2026-07-19 04:00 UTC = Saturday 23:00 in Chicago, 00:00 in New York, 13:00 in Tokyo.
INSTANTS = ["2026-07-14T07:30:00+00:00", "2026-07-14T17:00:00+00:00", "2026-07-19T04:00:00+00:00"]


class StaticStore:
    """A StoreProvider of either flavour returning one fixed configuration."""

    @staticmethod
    def build(flavour: Flavour, config: Any) -> Any:
        base = flavour.module("feature_flags", "base").StoreProvider

        class Store(base):  # type: ignore[misc, valid-type]
            @property
            def get_raw_configuration(self) -> Any:
                return config

            def get_configuration(self) -> Any:
                return config

        return Store()


def freeze(monkeypatch: pytest.MonkeyPatch, flavour: Flavour, instant: str) -> None:
    frozen = datetime.fromisoformat(instant)

    class FrozenDatetime(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> datetime:  # type: ignore[override]
            return frozen.astimezone(tz or timezone.utc)

    monkeypatch.setattr(flavour.module("feature_flags", "comparators"), "datetime", FrozenDatetime)


def outcome(call: Any, **kwargs: Any) -> tuple[Any, ...]:
    """("ok", value, warnings) or ("error", class name, message, warnings) of call(**kwargs)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result: tuple[Any, ...] = ("ok", call(**kwargs))
        except Exception as exc:
            result = ("error", type(exc).__name__, str(exc))
    return (*result, [str(w.message) for w in caught])


def answers(flavour: Flavour, monkeypatch: pytest.MonkeyPatch, config: Any, handler: bool = False) -> list[Any]:
    flags = flavour.feature_flags.FeatureFlags(store=StaticStore.build(flavour, config))
    if handler:

        @flags.validation_exception_handler([TypeError, AttributeError])
        def handle(exc: Exception) -> bool:
            return isinstance(exc, TypeError)

    results = []
    for instant in INSTANTS:
        freeze(monkeypatch, flavour, instant)
        for context in CONTEXTS:
            for name in [*config, "unknown"]:
                results.append(
                    (
                        instant,
                        context,
                        name,
                        outcome(flags.evaluate, name=name, context=context, default="dflt"),
                    )
                )
            results.append((instant, context, "*", outcome(flags.get_enabled_features, context=context)))
    return results


@pytest.mark.parametrize("handler", [False, True], ids=["no handler", "with handler"])
def test_every_action_every_context(monkeypatch: pytest.MonkeyPatch, handler: bool) -> None:
    upstream = answers(UPSTREAM, monkeypatch, CONFIG, handler)
    ours = answers(OURS, monkeypatch, CONFIG, handler)
    assert len(ours) == len(upstream)
    for theirs, mine in zip(upstream, ours, strict=True):
        assert mine == theirs
    # The scenario does exercise matches, non-matches and warned errors.
    values = {
        entry[3][1]
        for entry in ours
        if entry[3][0] == "ok" and entry[2] != "*" and not isinstance(entry[3][1], dict | list)
    }
    assert {True, False, "dflt"} <= values
    assert any(entry[3][-1] for entry in ours)


BAD_CONFIGS: dict[str, Any] = {
    "not a dict": ["x"],
    "feature not a dict": {"f": "on"},
    "no default": {"f": {"rules": {}}},
    "rules not a dict": {"f": {"default": True, "rules": ["r"]}},
    "rule not a dict": {"f": {"default": True, "rules": {"r": "x"}}},
    "when_match": {
        "f": {"default": True, "rules": {"r": {"when_match": 1, "conditions": [condition("EQUALS", "a", 1)]}}}
    },
    "no conditions": {"f": {"default": True, "rules": {"r": {"when_match": True, "conditions": []}}}},
    "condition": {"f": {"default": True, "rules": {"r": {"when_match": True, "conditions": ["x"]}}}},
    "action": {"f": single("LIKE", 1)},
    "key": {"f": single("EQUALS", 1, key="")},
    "null value": {"f": single("EQUALS", None)},
    "list value": {"f": single("ALL_IN_VALUE", "x")},
    "modulo shape": {"f": single("MODULO_RANGE", {"BASE": 3})},
    "modulo ints": {"f": single("MODULO_RANGE", {"BASE": 3, "START": 0, "END": 1.5})},
    "modulo range": {"f": single("MODULO_RANGE", {"BASE": 3, "START": 2, "END": 3})},
    "time key": {"f": single("SCHEDULE_BETWEEN_TIME_RANGE", {"START": "09:00", "END": "10:00"})},
    "time shape": {"f": single("SCHEDULE_BETWEEN_TIME_RANGE", "09:00", "CURRENT_TIME")},
    "time format": {"f": single("SCHEDULE_BETWEEN_TIME_RANGE", {"START": "9:00", "END": "10:00"}, "CURRENT_TIME")},
    "time zone": {
        "f": single(
            "SCHEDULE_BETWEEN_TIME_RANGE", {"START": "09:00", "END": "10:00", "TIMEZONE": "Mars/Base"}, "CURRENT_TIME"
        )
    },
    "datetime iso": {
        "f": single("SCHEDULE_BETWEEN_DATETIME_RANGE", {"START": "soon", "END": "2026-01-01"}, "CURRENT_DATETIME")
    },
    "datetime offset": {
        "f": single(
            "SCHEDULE_BETWEEN_DATETIME_RANGE",
            {"START": "2026-01-01T00:00:00+02:00", "END": "2026-01-02"},
            "CURRENT_DATETIME",
        )
    },
    "days shape": {"f": single("SCHEDULE_BETWEEN_DAYS_OF_WEEK", {"DAYS": "MONDAY"}, "CURRENT_DAY_OF_WEEK")},
    "days name": {"f": single("SCHEDULE_BETWEEN_DAYS_OF_WEEK", {"DAYS": ["FUNDAY"]}, "CURRENT_DAY_OF_WEEK")},
}

# Upstream ends a message with where it is (", rule=...", ", feature=...", ", schema=...");
# ours ends it with ", feature=..., rule=..., condition=...". What comes before is the same.
LOCATION = re.compile(r",? (?:rule|rule_name|feature|schema|type|time_format|action)=.*$", re.DOTALL)


def problem(message: str) -> str:
    return LOCATION.sub("", message).strip()


@pytest.mark.parametrize("case", list(BAD_CONFIGS))
def test_schema_errors(case: str) -> None:
    config = BAD_CONFIGS[case]
    errors = {}
    for flavour in FLAVOURS:
        flags = flavour.feature_flags.FeatureFlags(store=StaticStore.build(flavour, config))
        errors[flavour.name] = outcome(flags.evaluate, name="f", context={}, default=False)
    theirs, mine = errors["upstream"], errors["ours"]
    assert mine[0] == theirs[0] == "error"
    assert mine[1] == theirs[1] == "SchemaValidationError"
    assert problem(mine[2]) == problem(theirs[2])
    # The documented difference: ours ends with where the problem is.
    expected = WHERE[case] if case in WHERE else f", feature=f, rule={rule_name(config)}, condition=0"
    assert mine[2].endswith(expected), mine[2]


FEATURE_LEVEL = ("feature not a dict", "no default", "rules not a dict")
WHERE = {
    "not a dict": "Features must be a dictionary, type=list",
    **dict.fromkeys(FEATURE_LEVEL, ", feature=f"),
    "rule not a dict": ", feature=f, rule=r",
    "when_match": ", feature=f, rule=r",
    "no conditions": ", feature=f, rule=r",
}


def rule_name(config: Any) -> str:
    return next(iter(config["f"]["rules"]))


def test_appconfig_store(appconfig_data: Any) -> None:
    document = {"features": CONFIG, "unrelated": True}
    appconfig_data.put_configuration("shop", "prod", "flags", document)
    results = {}
    for flavour in FLAVOURS:
        store = flavour.feature_flags.AppConfigStore(
            environment="prod", application="shop", name="flags", envelope="features"
        )
        flags = flavour.feature_flags.FeatureFlags(store=store)
        results[flavour.name] = (
            store.get_raw_configuration,
            [outcome(flags.evaluate, name="non_boolean", context=c, default=None) for c in CONTEXTS],
            outcome(flags.get_enabled_features, context={"attr": "gold"}),
            outcome(
                flavour.feature_flags.FeatureFlags(
                    store=flavour.feature_flags.AppConfigStore(environment="prod", application="shop", name="missing")
                ).evaluate,
                name="always_on",
                default="unreachable",
            ),
        )
    assert results["ours"] == results["upstream"]
    assert results["ours"][3][1] == "unreachable"
