"""powertools.common stays boring: every public name in it is used by some utility.

common exists only for code that utilities share; a public function or class there that no
utility imports is dead weight every package installs (and a hidden API to keep stable).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tools.guards.packages import utilities

UTILITIES = utilities()
COMMON = next(p for p in UTILITIES if p.module == "common")
# Modules that are user-facing API themselves (upstream's utilities.typing, jmespath_utils,
# middleware_factory, serialization, and the errors and warnings users catch): their names are
# used by users' code, not necessarily by a utility.
USER_FACING_MODULES = frozenset(
    {"typing.py", "jmespath/__init__.py", "middleware.py", "exceptions.py", "warnings.py", "serialization.py"}
)


def _public_definitions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
    return {n for n in names if not n.startswith("_")}


def _other_sources() -> str:
    texts = []
    for package in UTILITIES:
        if package is not COMMON:
            texts += [p.read_text() for p in package.src.rglob("*.py")]
    return "\n".join(texts)


def _common_sources_except(module: Path) -> str:
    # The root __init__ only re-exports: naming a function in the export table is not a use.
    skip = {module, COMMON.src / "__init__.py"}
    return "\n".join(p.read_text() for p in COMMON.src.rglob("*.py") if p not in skip)


def test_every_public_function_and_class_in_common_is_used_by_a_utility() -> None:
    elsewhere = _other_sources()
    unused = []
    for module in sorted(COMMON.src.rglob("*.py")):
        relative = module.relative_to(COMMON.src).as_posix()
        if relative in USER_FACING_MODULES:
            continue
        own, rest_of_common = module.read_text(), _common_sources_except(module)
        for name in sorted(_public_definitions(module)):
            pattern = rf"\b{re.escape(name)}\b"
            used_elsewhere = re.search(pattern, elsewhere) or re.search(pattern, rest_of_common)
            used_in_own_module = len(re.findall(pattern, own)) > 1
            if not (used_elsewhere or used_in_own_module):
                unused.append(f"{relative}: {name}")
    assert not unused, "public in powertools.common but used by no utility (delete, or make private):\n" + "\n".join(
        unused
    )
