"""Lazy package exports: a name's module is imported on first attribute access.

Cold start is billed, so package roots list their public names here instead of
importing every implementation module up front:

    __getattr__, __dir__ = lazy_exports(__name__, {"Logger": ".logger"})
"""

from __future__ import annotations

import sys

# A local flag instead of typing.TYPE_CHECKING: importing `typing` costs ~2 ms of
# cold start for every utility, and type checkers honour any TYPE_CHECKING name.
TYPE_CHECKING = False

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable
    from typing import Any


def _import(name: str, package: str) -> Any:
    """``importlib.import_module(name, package)`` without importing ``importlib`` (cold start)."""
    if name.startswith("."):
        level = len(name) - len(name.lstrip("."))
        base = package.rsplit(".", level - 1)[0] if level > 1 else package
        name = f"{base}.{name[level:]}" if name[level:] else base
    try:
        return sys.modules[name]
    except KeyError:
        __import__(name)
        return sys.modules[name]


def lazy_exports(package: str, exports: dict[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return ``(__getattr__, __dir__)`` for ``package`` resolving ``exports`` on demand.

    ``exports`` maps a public name to the module defining it, absolute or relative
    to ``package`` (a leading dot).
    """

    def __getattr__(name: str) -> Any:
        try:
            module_name = exports[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        module = _import(module_name, package)
        # Importing a submodule binds it on the package under its own name, so a
        # function named like its module (``validator``) must win explicitly; a
        # name that is only a submodule (``envelopes``) resolves to the module.
        if hasattr(module, name):
            value = getattr(module, name)
        elif module_name.rpartition(".")[2] == name:
            value = module
        else:
            raise AttributeError(f"module {module.__name__!r} has no attribute {name!r}")
        # Cache on the package so the next access is a plain attribute lookup.
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(exports) | set(vars(sys.modules[package])))

    return __getattr__, __dir__
