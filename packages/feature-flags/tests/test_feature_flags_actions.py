"""Every key-based action, matches and non-matches; rule order; non-boolean values; wrong-typed context."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from powertools.common.warnings import PowertoolsUserWarning
from powertools.feature_flags import FeatureFlags, InvalidContextError, RuleAction, StoreProvider


class StaticStore(StoreProvider):
    def __init__(self, config: Any) -> None:
        self.config = config

    @property
    def get_raw_configuration(self) -> dict[str, Any]:
        return self.config  # type: ignore[no-any-return]

    def get_configuration(self) -> dict[str, Any]:
        return self.config  # type: ignore[no-any-return]


def one_condition(action: str, value: Any, key: str = "attr") -> FeatureFlags:
    config = {
        "flag": {
            "default": False,
            "rules": {"the rule": {"when_match": True, "conditions": [{"action": action, "key": key, "value": value}]}},
        }
    }
    return FeatureFlags(store=StaticStore(config))


CASES: list[tuple[str, Any, Any, bool]] = [
    ("EQUALS", "premium", "premium", True),
    ("EQUALS", "premium", "basic", False),
    ("EQUALS", 3, 3, True),
    ("NOT_EQUALS", "premium", "basic", True),
    ("NOT_EQUALS", "premium", "premium", False),
    ("KEY_GREATER_THAN_VALUE", 10, 11, True),
    ("KEY_GREATER_THAN_VALUE", 10, 10, False),
    ("KEY_GREATER_THAN_OR_EQUAL_VALUE", 10, 10, True),
    ("KEY_GREATER_THAN_OR_EQUAL_VALUE", 10, 9, False),
    ("KEY_LESS_THAN_VALUE", 10, 9, True),
    ("KEY_LESS_THAN_VALUE", 10, 10, False),
    ("KEY_LESS_THAN_OR_EQUAL_VALUE", 10, 10, True),
    ("KEY_LESS_THAN_OR_EQUAL_VALUE", 10, 11, False),
    ("STARTSWITH", "user-", "user-42", True),
    ("STARTSWITH", "user-", "admin-1", False),
    ("ENDSWITH", "@example.com", "a@example.com", True),
    ("ENDSWITH", "@example.com", "a@example.org", False),
    ("IN", ["a", "b"], "a", True),
    ("IN", ["a", "b"], "c", False),
    ("IN", "abc", "bc", True),
    ("NOT_IN", ["a", "b"], "c", True),
    ("NOT_IN", ["a", "b"], "a", False),
    ("KEY_IN_VALUE", ["us-east-1", "eu-west-1"], "eu-west-1", True),
    ("KEY_IN_VALUE", ["us-east-1", "eu-west-1"], "ap-south-1", False),
    ("KEY_NOT_IN_VALUE", ["us-east-1"], "eu-west-1", True),
    ("KEY_NOT_IN_VALUE", ["us-east-1"], "us-east-1", False),
    ("VALUE_IN_KEY", "beta", ["beta", "gamma"], True),
    ("VALUE_IN_KEY", "beta", ["gamma"], False),
    ("VALUE_NOT_IN_KEY", "beta", ["gamma"], True),
    ("VALUE_NOT_IN_KEY", "beta", ["beta"], False),
    ("ALL_IN_VALUE", ["a", "b", "c"], ["a", "b"], True),
    ("ALL_IN_VALUE", ["a", "b", "c"], ["a", "z"], False),
    ("ANY_IN_VALUE", ["a", "b"], ["z", "b"], True),
    ("ANY_IN_VALUE", ["a", "b"], ["y", "z"], False),
    ("NONE_IN_VALUE", ["a", "b"], ["y", "z"], True),
    ("NONE_IN_VALUE", ["a", "b"], ["y", "a"], False),
    ("MODULO_RANGE", {"BASE": 100, "START": 0, "END": 19}, 1219, True),
    ("MODULO_RANGE", {"BASE": 100, "START": 0, "END": 19}, 1220, False),
]


@pytest.mark.parametrize(("action", "value", "context_value", "expected"), CASES)
def test_action(action: str, value: Any, context_value: Any, expected: bool) -> None:
    flags = one_condition(action, value)
    assert flags.evaluate(name="flag", context={"attr": context_value}, default=False) is expected
    assert flags.get_enabled_features(context={"attr": context_value}) == (["flag"] if expected else [])


def test_every_documented_action_is_covered() -> None:
    covered = {case[0] for case in CASES} | {
        "SCHEDULE_BETWEEN_TIME_RANGE",
        "SCHEDULE_BETWEEN_DATETIME_RANGE",
        "SCHEDULE_BETWEEN_DAYS_OF_WEEK",
    }
    assert covered == {action.value for action in RuleAction}


@pytest.mark.parametrize("action", ["NOT_EQUALS", "NOT_IN", "KEY_NOT_IN_VALUE", "EQUALS", "KEY_IN_VALUE"])
def test_a_key_absent_from_the_context_never_matches(action: str) -> None:
    flags = one_condition(action, ["x"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an absent key is an ordinary non-match, no warning
        assert flags.evaluate(name="flag", context={"other": "y"}, default=False) is False
        assert flags.evaluate(name="flag", default=False) is False


@pytest.mark.parametrize(
    ("action", "value", "context_value", "exception_type"),
    [
        ("MODULO_RANGE", {"BASE": 10, "START": 0, "END": 4}, "abc", "TypeError"),
        ("STARTSWITH", "a", 5, "AttributeError"),
        ("KEY_GREATER_THAN_VALUE", 10, "11", "TypeError"),
        ("ANY_IN_VALUE", ["a"], "a", "ValueError"),
        ("KEY_IN_VALUE", ["a"], {"unhashable": []}, None),
    ],
)
def test_a_context_value_of_the_wrong_type_is_a_non_match_with_a_warning(
    action: str, value: Any, context_value: Any, exception_type: str | None
) -> None:
    flags = one_condition(action, value)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert flags.evaluate(name="flag", context={"attr": context_value}, default=False) is False
    messages = [str(w.message) for w in caught if issubclass(w.category, PowertoolsUserWarning)]
    if exception_type is None:  # `{...} in [..]` is just False, no error
        assert messages == []
    else:
        assert messages == [
            "Failed to evaluate feature flag condition: feature=flag, rule=the rule, "
            f"key=attr, action={action}, exception_type={exception_type}"
        ]


def test_exception_handler_decides_and_sees_the_error() -> None:
    flags = one_condition("MODULO_RANGE", {"BASE": 10, "START": 0, "END": 4})
    seen: list[BaseException] = []

    @flags.validation_exception_handler(TypeError)
    def handle(exc: BaseException) -> bool:
        seen.append(exc)
        return True

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert flags.evaluate(name="flag", context={"attr": "x"}, default=False) is True
        # Absent key: the comparator runs on None (None % 10 raises), the handler still decides.
        assert flags.evaluate(name="flag", context={}, default=False) is True
    assert [type(exc) for exc in seen] == [TypeError, TypeError]


def test_handler_registered_for_a_list_and_a_base_class() -> None:
    flags = one_condition("STARTSWITH", "a")

    @flags.validation_exception_handler([ValueError, Exception])
    def handle(exc: BaseException) -> Any:
        raise RuntimeError("re-raised") from exc

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(RuntimeError, match="re-raised"):
            flags.evaluate(name="flag", context={"attr": 1}, default=False)


def test_warnings_as_errors_do_not_break_evaluation() -> None:
    flags = one_condition("STARTSWITH", "a")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert flags.evaluate(name="flag", context={"attr": 1}, default=False) is False


CONFIG: dict[str, Any] = {
    "tiered": {
        "default": "free",
        "boolean_type": False,
        "rules": {
            "gold first": {
                "when_match": {"tier": "gold", "limits": [1, 2]},
                "conditions": [{"action": "EQUALS", "key": "plan", "value": "gold"}],
            },
            "also gold but later": {
                "when_match": "never reached for gold",
                "conditions": [{"action": "STARTSWITH", "key": "plan", "value": "go"}],
            },
            "two conditions": {
                "when_match": "silver-eu",
                "conditions": [
                    {"action": "EQUALS", "key": "plan", "value": "silver"},
                    {"action": "KEY_IN_VALUE", "key": "region", "value": ["eu-west-1"]},
                ],
            },
        },
    },
    "always_on": {"default": True},
    "always_off": {"default": False},
    "list_default": {"default": [], "boolean_type": False},
    "beta": {
        "default": False,
        "rules": {"testers": {"when_match": True, "conditions": [{"action": "IN", "key": "user", "value": ["ann"]}]}},
    },
}


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ({"plan": "gold"}, {"tier": "gold", "limits": [1, 2]}),
        ({"plan": "good"}, "never reached for gold"),
        ({"plan": "silver", "region": "eu-west-1"}, "silver-eu"),
        ({"plan": "silver", "region": "us-east-1"}, "free"),
        ({}, "free"),
    ],
)
def test_rules_in_order_first_match_wins_non_boolean(context: dict[str, Any], expected: Any) -> None:
    flags = FeatureFlags(store=StaticStore(CONFIG))
    assert flags.evaluate(name="tiered", context=context, default="unknown") == expected


def test_defaults_unknown_features_and_enabled_features() -> None:
    flags = FeatureFlags(store=StaticStore(CONFIG))
    assert flags.evaluate(name="always_on", default=False) is True
    assert flags.evaluate(name="always_off", default=True) is False
    assert flags.evaluate(name="list_default", default=None) == []
    assert flags.evaluate(name="missing", default="fallback") == "fallback"
    assert flags.get_enabled_features(context={"plan": "gold", "user": "ann"}) == ["tiered", "always_on", "beta"]
    assert flags.get_enabled_features(context={"plan": "none"}) == ["tiered", "always_on"]  # "free" is truthy
    assert flags.get_enabled_features() == ["tiered", "always_on"]


def test_context_must_be_a_mapping() -> None:
    flags = FeatureFlags(store=StaticStore(CONFIG))
    with pytest.raises(InvalidContextError, match="context must be a dict of attributes, got list"):
        flags.evaluate(name="beta", context=["ann"], default=False)  # type: ignore[arg-type]
    with pytest.raises(InvalidContextError):
        flags.get_enabled_features(context="ann")  # type: ignore[arg-type]


def test_configuration_is_validated_and_compiled_once_per_new_object() -> None:
    store = StaticStore(CONFIG)
    flags = FeatureFlags(store=store)
    assert flags.get_configuration() is CONFIG
    compiled = flags._compiled
    flags.evaluate(name="beta", context={"user": "ann"}, default=False)
    assert flags._compiled is compiled  # same object from the store: nothing recompiled
    store.config = {"beta": {"default": True}}  # a new object: validated and compiled again
    assert flags.evaluate(name="beta", context={"user": "bob"}, default=False) is True
    assert flags._compiled is not compiled
