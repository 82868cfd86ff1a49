"""Every lazy export table agrees with ``__all__`` and with the TYPE_CHECKING imports.

A package root lists each public name twice: in ``_EXPORTS`` (what ``lazy_exports``
imports on first use) and in an ``if TYPE_CHECKING:`` block (what type checkers and IDEs
see). This guard finds every ``__init__.py`` under ``packages/*/src`` that defines an
``_EXPORTS`` table, so packages added later are checked without being listed here, and
fails when the two declarations drift apart or a name does not import.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tools.guards.packages import PACKAGES_DIR

# Run in a child interpreter: importing every public name of a package loads optional
# dependencies and may touch process-wide state that other tests must not inherit.
PROBE = r"""
import importlib, json, sys
package_name, type_checking = json.loads(sys.argv[1])
package = importlib.import_module(package_name)
exports = dict(package._EXPORTS)
result = {"all": list(getattr(package, "__all__", [])), "exports": sorted(exports), "errors": {}, "kinds": {},
          "mismatched": [], "not_attributes": []}
for name in exports:
    try:
        value = getattr(package, name)
    except Exception as exc:
        result["errors"][name] = f"{type(exc).__name__}: {exc}"
        continue
    result["kinds"][name] = "module" if type(value).__name__ == "module" else "object"
for name, module in type_checking:
    try:
        seen_by_checkers = getattr(importlib.import_module(module), name)
    except Exception as exc:
        result["errors"][f"{module}.{name}"] = f"{type(exc).__name__}: {exc}"
        continue
    if name in result["kinds"] and seen_by_checkers is not getattr(package, name):
        result["mismatched"].append(f"{name}: TYPE_CHECKING imports it from {module}, a different object")
for name in result["all"]:
    if name not in exports and name != "__version__" and not hasattr(package, name):
        result["not_attributes"].append(name)
print(json.dumps(result))
"""


@dataclass(frozen=True)
class ExportTable:
    init: Path
    package: str  # dotted, e.g. "powertools.data_classes"
    duplicates: list[str]  # names listed twice in an _EXPORTS dict literal
    type_checking: list[tuple[str, str]]  # (name, absolute module) imported under TYPE_CHECKING

    def own_type_checking_names(self) -> set[str]:
        """Names imported for type checkers from the package's own modules (not ``typing.Any``)."""
        own = (self.package, f"{self.package}.")
        return {name for name, module in self.type_checking if module == own[0] or module.startswith(own[1])}

    def __str__(self) -> str:
        return self.package


def _package_of(init: Path) -> str:
    parts = init.parent.parts
    src = len(parts) - 1 - parts[::-1].index("src")
    return ".".join(parts[src + 1 :])


def _absolute(module: str, package: str, level: int = 0) -> str:
    if level == 0 and not module.startswith("."):
        return module
    if level == 0:
        level = len(module) - len(module.lstrip("."))
        module = module.lstrip(".")
    base = package.split(".")
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _read(init: Path) -> ExportTable | None:
    tree = ast.parse(init.read_text(encoding="utf-8"), filename=str(init))
    package = _package_of(init)
    table: ast.Dict | None = None
    type_checking: list[tuple[str, str]] = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "_EXPORTS" for t in node.targets):
            # A literal can repeat a key (the later silently wins); a table built by a
            # comprehension is read at run time only.
            table = node.value if isinstance(node.value, ast.Dict) else ast.Dict(keys=[], values=[])
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            for statement in ast.walk(node):
                if isinstance(statement, ast.ImportFrom):
                    module = _absolute(statement.module or "", package, statement.level)
                    type_checking += [(alias.asname or alias.name, module) for alias in statement.names]
    if table is None:
        return None
    keys = [ast.literal_eval(key) for key in table.keys if key is not None]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    return ExportTable(init, package, duplicates, type_checking)


def export_tables() -> list[ExportTable]:
    tables = []
    for init in sorted(PACKAGES_DIR.glob("*/src/powertools/**/__init__.py")):
        table = _read(init)
        if table is not None:
            tables.append(table)
    return tables


TABLES = export_tables()


def test_the_guard_sees_the_packages() -> None:
    # A guard that found nothing would pass silently.
    found = {table.package for table in TABLES}
    assert {"powertools.common", "powertools.data_classes", "powertools.parser"} <= found, found


@pytest.fixture(scope="module")
def probes() -> dict[str, dict[str, object]]:
    results = {}
    for table in TABLES:
        argument = json.dumps([table.package, table.type_checking])
        completed = subprocess.run(
            [sys.executable, "-c", PROBE, argument], capture_output=True, text=True, timeout=120, check=False
        )
        assert completed.returncode == 0, f"{table.package}: {completed.stderr[-2000:]}"
        results[table.package] = json.loads(completed.stdout)
    return results


@pytest.mark.parametrize("table", TABLES, ids=str)
def test_export_table_lists_each_name_once(table: ExportTable) -> None:
    assert table.duplicates == []


@pytest.mark.parametrize("table", TABLES, ids=str)
def test_every_exported_name_imports(table: ExportTable, probes: dict[str, dict[str, object]]) -> None:
    assert probes[table.package]["errors"] == {}


@pytest.mark.parametrize("table", TABLES, ids=str)
def test_all_matches_the_export_table(table: ExportTable, probes: dict[str, dict[str, object]]) -> None:
    probe = probes[table.package]
    listed, exports = probe["all"], probe["exports"]
    assert isinstance(listed, list)
    assert isinstance(exports, list)
    assert sorted(n for n in set(listed) if listed.count(n) > 1) == [], "__all__ lists a name twice"
    assert sorted(set(exports) - set(listed)) == [], "exported lazily but missing from __all__"
    # Names __all__ adds beyond the table (``__version__``, a name a custom __getattr__
    # resolves) must still be attributes of the package.
    assert probe["not_attributes"] == [], "in __all__ but not an attribute of the package"


@pytest.mark.parametrize("table", TABLES, ids=str)
def test_type_checking_imports_match_the_export_table(table: ExportTable, probes: dict[str, dict[str, object]]) -> None:
    probe = probes[table.package]
    kinds, exports, listed = probe["kinds"], probe["exports"], probe["all"]
    assert isinstance(kinds, dict)
    assert isinstance(exports, list)
    assert isinstance(listed, list)
    # A submodule entry ("alb_event": ".alb_event") needs no TYPE_CHECKING import.
    objects = {name for name, kind in kinds.items() if kind == "object"}
    seen_by_checkers = {name for name, _ in table.type_checking}
    assert sorted(objects - seen_by_checkers) == [], "exported but invisible to type checkers"
    not_public = table.own_type_checking_names() - set(exports) - set(listed)
    assert sorted(not_public) == [], "imported for type checkers but not exported"
    assert probe["mismatched"] == [], "TYPE_CHECKING and the lazy table name different objects"
