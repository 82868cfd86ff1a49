"""Event wrappers built without ``__init__`` are only ever classes that keep DictWrapper's.

``powertools.common.dict_wrapper.wrap_section`` (and the hot properties that inline it)
create nested wrappers with ``object.__new__`` and fill the ``_data`` slot directly,
skipping ``__init__`` because a Python ``__init__`` call dominates the cost of a property
on CPython 3.11. That is only correct for a class whose ``__init__`` is DictWrapper's own:
a subclass that sets more state in ``__init__`` (``ALBEvent`` does) would come out half
built. This guard checks every DictWrapper subclass in every package, and every place in
the source that builds an object with ``object.__new__``.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys

from tools.guards.packages import PACKAGES_DIR, ROOT

SOURCES = sorted(PACKAGES_DIR.glob("*/src/powertools/**/*.py"))

# In a child interpreter: importing every module of every package must not leak state
# (patched SDKs, registered handlers) into the other tests of this session.
PROBE = r"""
import importlib, json, sys
from powertools.common.dict_wrapper import DictWrapper
failed = {}
for name in json.loads(sys.argv[1]):
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed[name] = f"{type(exc).__name__}: {exc}"
classes, pending = [], [DictWrapper]
while pending:
    cls = pending.pop()
    for sub in cls.__subclasses__():
        if sub not in classes:
            classes.append(sub)
            pending.append(sub)
report = {
    "failed_imports": failed,
    "count": len(classes),
    "flag_wrong": [
        f"{c.__module__}.{c.__qualname__}" for c in classes if c._plain_init != (c.__init__ is DictWrapper.__init__)
    ],
    "built_without_init": {},
}
for module_name, class_name in json.loads(sys.argv[2]):
    cls = getattr(importlib.import_module(module_name), class_name, None)
    plain = isinstance(cls, type) and issubclass(cls, DictWrapper) and cls.__init__ is DictWrapper.__init__
    report["built_without_init"][f"{module_name}.{class_name}"] = plain
print(json.dumps(report))
"""


def _module_name(path: object) -> str:
    parts = list(path.relative_to(PACKAGES_DIR).with_suffix("").parts)  # type: ignore[attr-defined]
    parts = parts[parts.index("src") + 1 :]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _allocations() -> list[tuple[str, str]]:
    """(module, class name) for every ``object.__new__(Name)`` / ``_new_object(Name)`` call in the source."""
    found = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        aliases = {"_new_object", "new_wrapper"}  # dict_wrapper.py names object.__new__ so
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and _is_object_new(node.value):
                aliases |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args or not isinstance(node.args[0], ast.Name):
                continue
            function = node.func
            allocates = _is_object_new(function) or (isinstance(function, ast.Name) and function.id in aliases)
            # generic helpers (wrap_section's ``cls``) are checked at run time through _plain_init
            if allocates and node.args[0].id not in ("cls", "self"):
                found.append((_module_name(path), node.args[0].id))
    return found


def _is_object_new(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "__new__"
        and isinstance(node.value, ast.Name)
        and node.value.id == "object"
    )


def _probe() -> dict[str, object]:
    modules = sorted({_module_name(path) for path in SOURCES})
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(modules), json.dumps(_allocations())],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    return dict(json.loads(completed.stdout))


REPORT = _probe()


def test_every_module_was_inspected() -> None:
    assert REPORT["failed_imports"] == {}
    assert isinstance(REPORT["count"], int)
    assert REPORT["count"] > 100


def test_the_fast_path_flag_is_right_for_every_subclass() -> None:
    # wrap_section reads ``_plain_init`` to decide whether it may skip __init__.
    assert REPORT["flag_wrong"] == []


def test_classes_built_without_init_keep_dict_wrappers_init() -> None:
    built = REPORT["built_without_init"]
    assert isinstance(built, dict)
    assert sorted(name for name, plain in built.items() if not plain) == []
