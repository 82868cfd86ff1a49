"""Each package root declares its public names once and consistently.

A root's lazy ``_EXPORTS`` table, its ``__all__`` and the names it imports for type checkers
under ``if TYPE_CHECKING:`` are three lists of the same names; they drift apart silently (a
name IDEs see but ``getattr`` can't load, or the other way round). This guard reads them from
the source and imports every exported name.
"""

from __future__ import annotations

import ast
import importlib

import pytest

from tools.guards.packages import Package, utilities

WITH_EXPORTS = [p for p in utilities() if "_EXPORTS" in (p.src / "__init__.py").read_text()]


def _declared(package: Package) -> tuple[set[str], set[str]]:
    """(names in _EXPORTS, names imported under `if TYPE_CHECKING:`) of the package root."""
    tree = ast.parse((package.src / "__init__.py").read_text())
    exports: set[str] = set()
    typed: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "_EXPORTS" for t in node.targets):
            assert isinstance(node.value, ast.Dict)
            exports = {k.value for k in node.value.keys if isinstance(k, ast.Constant)}
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for statement in ast.walk(node):
                # Annotation helpers (typing, collections.abc) are not exports.
                if isinstance(statement, ast.ImportFrom) and statement.module not in ("typing", "collections.abc"):
                    typed |= {alias.asname or alias.name for alias in statement.names}
    return exports, typed


def test_every_package_with_a_lazy_table_is_checked() -> None:
    assert len(WITH_EXPORTS) >= 8


@pytest.mark.parametrize("package", WITH_EXPORTS, ids=lambda p: p.distribution)
def test_export_table_all_and_type_checking_imports_agree(package: Package) -> None:
    exports, typed = _declared(package)
    module = importlib.import_module(f"powertools.{package.module}")
    public = set(module.__all__) - {"__version__"}
    table: dict[str, str] = module._EXPORTS
    assert exports <= public, f"lazily exported but not in __all__: {sorted(exports - public)}"
    # Names that are submodules themselves (data_classes.sqs_event) need no typed import.
    classes_and_functions = {n for n in exports if not table[n].endswith("." + n) and table[n] != f".{n}"}
    assert classes_and_functions <= typed, f"invisible to type checkers: {sorted(classes_and_functions - typed)}"
    assert typed <= public, f"typed imports that aren't public at run time: {sorted(typed - public)}"
    # A function named like its own submodule (validation.validator, data_classes.event_source)
    # is loaded by hand, not through the table; it must still resolve.
    for name in sorted(public):
        assert getattr(module, name) is not None, name
