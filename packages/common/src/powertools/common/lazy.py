"""Lazy package exports: a name's module is imported on first attribute access.

Cold start is billed, so package roots list their public names here instead of
importing every implementation module up front:

    __getattr__, __dir__ = lazy_exports(__name__, {"Logger": ".logger"})
"""

from __future__ import annotations

import importlib

# A local flag instead of typing.TYPE_CHECKING: importing `typing` costs ~2 ms of
# cold start for every utility, and type checkers honour any TYPE_CHECKING name.
TYPE_CHECKING = False

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable
    from typing import Any


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
        module = importlib.import_module(module_name, package)
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
        setattr(importlib.import_module(package), name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(exports) | set(vars(importlib.import_module(package))))

    return __getattr__, __dir__
