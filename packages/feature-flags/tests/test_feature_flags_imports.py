"""Public names: the package root and upstream's submodule names."""

from __future__ import annotations

import importlib

import pytest

import powertools.feature_flags as feature_flags


@pytest.mark.parametrize("name", feature_flags.__all__)
def test_every_exported_name_resolves(name: str) -> None:
    assert getattr(feature_flags, name) is not None


@pytest.mark.parametrize(
    ("module", "names"),
    [
        ("schema", ["RuleAction", "SchemaValidator", "TimeKeys", "TimeValues", "ModuloRangeValues"]),
        ("exceptions", ["ConfigurationStoreError", "SchemaValidationError", "StoreClientError"]),
        ("base", ["StoreProvider", "BaseValidator"]),
        ("appconfig", ["AppConfigStore"]),
        ("feature_flags", ["FeatureFlags"]),
        ("types", ["JSONType"]),
        ("constants", ["RULES_KEY", "CONDITIONS_KEY"]),
        ("comparators", ["compare_time_range", "compare_modulo_range", "compare_any_in_list"]),
    ],
)
def test_upstream_submodules(module: str, names: list[str]) -> None:
    loaded = importlib.import_module(f"powertools.feature_flags.{module}")
    for name in names:
        assert hasattr(loaded, name), name
    if module in ("schema", "exceptions", "base", "appconfig", "feature_flags"):
        for name in names:
            assert getattr(loaded, name) is getattr(feature_flags, name)


def test_upstream_comparator_functions() -> None:
    from powertools.feature_flags.comparators import compare_all_in_list, compare_modulo_range

    assert compare_modulo_range(23, {"BASE": 10, "START": 0, "END": 3}) is True
    assert compare_all_in_list(["a"], ["a", "b"]) is True
    with pytest.raises(ValueError, match="Context provided must be a list"):
        compare_all_in_list("a", ["a"])  # type: ignore[arg-type]
