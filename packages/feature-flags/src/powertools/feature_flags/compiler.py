"""Turns a validated configuration into plain Python objects evaluated without re-reading the JSON."""

from __future__ import annotations

from powertools.feature_flags.comparators import build_predicate
from powertools.feature_flags.constants import (
    CONDITION_ACTION,
    CONDITION_KEY,
    CONDITION_VALUE,
    CONDITIONS_KEY,
    FEATURE_DEFAULT_VAL_KEY,
    FEATURE_DEFAULT_VAL_TYPE_KEY,
    RULE_MATCH_VALUE,
    RULES_KEY,
)
from powertools.feature_flags.schema import TIME_ACTION_KEYS

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    from powertools.feature_flags.comparators import Predicate


class CompiledRule:
    """One rule: its value when every predicate matches, in the configuration's order."""

    __slots__ = ("conditions", "name", "predicates", "value")

    def __init__(
        self, name: str, value: Any, predicates: tuple[Predicate, ...], conditions: tuple[tuple[str, str], ...]
    ) -> None:
        self.name = name
        self.value = value
        self.predicates = predicates
        # (key, action) of each predicate, read only when a predicate raises.
        self.conditions = conditions

    def describe(self, predicate: Predicate) -> tuple[str, str, bool]:
        """(key, action, reads the context) of ``predicate``."""
        key, action = self.conditions[self.predicates.index(predicate)]
        return key, action, action not in TIME_ACTION_KEYS


class CompiledFeature:
    __slots__ = ("boolean", "default", "name", "no_rules_value", "rules")

    def __init__(self, name: str, default: Any, boolean: bool, rules: tuple[CompiledRule, ...]) -> None:
        self.name = name
        self.default = default  # returned when rules exist and none matches
        self.no_rules_value = bool(default) if boolean else default
        self.boolean = boolean
        self.rules = rules


def compile_features(config: dict[str, Any]) -> dict[str, CompiledFeature]:
    """Compile a configuration that ``SchemaValidator`` accepted."""
    return {name: _compile_feature(name, feature) for name, feature in config.items()}


def _compile_feature(name: str, feature: dict[str, Any]) -> CompiledFeature:
    boolean = bool(feature.get(FEATURE_DEFAULT_VAL_TYPE_KEY, True))
    rules = feature.get(RULES_KEY) or {}
    compiled = []
    for rule_name, rule in rules.items():
        conditions = rule[CONDITIONS_KEY]
        when_match = rule.get(RULE_MATCH_VALUE)
        compiled.append(
            CompiledRule(
                rule_name,
                bool(when_match) if boolean else when_match,
                tuple(build_predicate(c[CONDITION_ACTION], c[CONDITION_KEY], c[CONDITION_VALUE]) for c in conditions),
                tuple((c[CONDITION_KEY], c[CONDITION_ACTION]) for c in conditions),
            )
        )
    return CompiledFeature(name, feature.get(FEATURE_DEFAULT_VAL_KEY), boolean, tuple(compiled))
