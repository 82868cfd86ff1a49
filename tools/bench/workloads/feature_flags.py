"""Evaluate a boolean feature flag with 5 rules; the context matches the last rule."""

from __future__ import annotations

from typing import Any

from tools.bench.adapter import Api
from tools.bench.workloads.base import Call, Target, Workload

RULES = 5
FLAGS: dict[str, Any] = {
    "premium_features": {
        "default": False,
        "rules": {
            f"tier {index}": {
                "when_match": True,
                "conditions": [
                    {"action": "EQUALS", "key": "tier", "value": f"tier-{index}"},
                    {"action": "KEY_IN_VALUE", "key": "region", "value": ["us-east-1", "eu-west-1"]},
                ],
            }
            for index in range(RULES)
        },
    }
}
MATCHING = {"tier": f"tier-{RULES - 1}", "region": "us-east-1"}
NOT_MATCHING = {"tier": "free", "region": "us-east-1"}


def build(api: Api) -> Call:
    feature_flags = api.module("feature_flags")

    class StaticStore(feature_flags.StoreProvider):  # type: ignore[name-defined]
        @property
        def get_raw_configuration(self) -> dict[str, Any]:
            return FLAGS

        def get_configuration(self) -> dict[str, Any]:
            return FLAGS

    flags = feature_flags.FeatureFlags(store=StaticStore())
    miss = flags.evaluate(name="premium_features", context=NOT_MATCHING, default=False)
    return lambda: [flags.evaluate(name="premium_features", context=MATCHING, default=False), miss]


def _matches(condition: dict[str, Any], context: dict[str, Any]) -> bool:
    value = context.get(condition["key"])
    if condition["action"] == "EQUALS":
        return bool(value == condition["value"])
    return value in condition["value"]


def _evaluate(context: dict[str, Any]) -> bool:
    flag = FLAGS["premium_features"]
    for rule in flag["rules"].values():
        if all(_matches(condition, context) for condition in rule["conditions"]):
            return bool(rule["when_match"])
    return bool(flag["default"])


def bare() -> Call:
    miss = _evaluate(NOT_MATCHING)
    return lambda: [_evaluate(MATCHING), miss]


WORKLOADS = [
    Workload(
        name="feature_flags.evaluate",
        utility="feature_flags",
        description="FeatureFlags.evaluate of a flag with 5 rules (2 conditions each), matching the last",
        build=build,
        bare=bare,
        target=Target(0.5),
    ),
]
