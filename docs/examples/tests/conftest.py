"""Shared helper for the docs examples' tests: load an example module from its file.

The examples are plain files included into the docs pages, not a package, so each test loads
the one it checks by path (a fresh module every time: module-level state never leaks between
tests). The guard test tools/guards/tests/test_guard_docs_examples.py relies on every test
naming its example's path, relative to docs/examples, as a string literal.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent


@pytest.fixture
def load_example() -> Iterator[Callable[[str], ModuleType]]:
    loaded: list[str] = []

    def load(relative_path: str) -> ModuleType:
        path = EXAMPLES / relative_path
        name = "docs_example_" + relative_path.removesuffix(".py").replace("/", "_")
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None, f"no example at {path}"
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses and pydantic look their module up by name
        loaded.append(name)
        spec.loader.exec_module(module)
        return module

    yield load
    for name in loaded:
        sys.modules.pop(name, None)


def documented_json(page: str, example: str) -> list[Any]:
    """The JSON shown in ``docs/<page>`` in the first ```json fence after the include of ``example``.

    One document per line (a log stream), or one indented document; tests compare it with what
    the example really printed, so the page can't show output the code doesn't produce.
    """
    text = (EXAMPLES.parent / page).read_text()
    start = text.index(f'--8<-- "docs/examples/{example}"')
    fence = text.index("```json\n", start) + len("```json\n")
    body = text[fence : text.index("```", fence)]
    try:
        return [json.loads(body)]
    except json.JSONDecodeError:
        return [json.loads(line) for line in body.splitlines() if line.strip()]


@pytest.fixture
def documented() -> Callable[[str, str], list[Any]]:
    return documented_json
