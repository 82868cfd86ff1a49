"""Resolve a utility's module path per flavour, so a workload is written once.

"ours" and "upstream" expose the same public API under different import paths;
"bare" has no library at all (its workloads are hand-written with the stdlib).
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType
from typing import Any

FLAVOURS: tuple[str, ...] = ("ours", "upstream", "bare")
LIBRARY_FLAVOURS: tuple[str, ...] = ("ours", "upstream")

# utility key -> (our module, upstream module)
MODULES: dict[str, tuple[str, str]] = {
    "logger": ("powertools.logger", "aws_lambda_powertools.logging"),
    "tracer": ("powertools.tracer", "aws_lambda_powertools.tracing"),
    "metrics": ("powertools.metrics", "aws_lambda_powertools.metrics"),
    "event_handler": ("powertools.event_handler", "aws_lambda_powertools.event_handler"),
    "parser": ("powertools.parser", "aws_lambda_powertools.utilities.parser"),
    "validation": ("powertools.validation", "aws_lambda_powertools.utilities.validation"),
    "data_classes": ("powertools.data_classes", "aws_lambda_powertools.utilities.data_classes"),
    "idempotency": ("powertools.idempotency", "aws_lambda_powertools.utilities.idempotency"),
    "batch": ("powertools.batch", "aws_lambda_powertools.utilities.batch"),
    "parameters": ("powertools.parameters", "aws_lambda_powertools.utilities.parameters"),
    "feature_flags": ("powertools.feature_flags", "aws_lambda_powertools.utilities.feature_flags"),
    "common.typing": ("powertools.common.typing", "aws_lambda_powertools.utilities.typing"),
}


class UnknownFlavourError(ValueError):
    """A flavour name that is not one of FLAVOURS."""


def module_path(flavour: str, dotted: str) -> str:
    """`module_path("upstream", "parser.models")` -> "aws_lambda_powertools.utilities.parser.models"."""
    if flavour not in LIBRARY_FLAVOURS:
        raise UnknownFlavourError(f"flavour {flavour!r} has no library modules; expected one of {LIBRARY_FLAVOURS}")
    # The longest registered key that prefixes `dotted` wins ("common.typing" before "common").
    for key in sorted(MODULES, key=len, reverse=True):
        if dotted == key or dotted.startswith(key + "."):
            ours, upstream = MODULES[key]
            base = ours if flavour == "ours" else upstream
            return base + dotted[len(key) :]
    raise KeyError(f"no module mapping for {dotted!r}; known utilities: {sorted(MODULES)}")


class NotAvailableError(Exception):
    """The flavour can't run this workload (package not installed, feature not built yet)."""


class Api:
    """One flavour's view of the library: `api.module("parser.envelopes")`, `api.get("logger", "Logger")`."""

    def __init__(self, flavour: str) -> None:
        if flavour not in LIBRARY_FLAVOURS:
            raise UnknownFlavourError(f"unknown library flavour {flavour!r}; expected one of {LIBRARY_FLAVOURS}")
        self.flavour = flavour

    def module(self, dotted: str) -> ModuleType:
        return importlib.import_module(module_path(self.flavour, dotted))

    def get(self, dotted: str, name: str) -> Any:
        module = self.module(dotted)
        try:
            return getattr(module, name)
        except AttributeError:
            # A utility that exists but hasn't grown this feature yet (e.g. AppSyncResolver).
            raise NotAvailableError(f"{self.flavour} {dotted} has no {name}") from None


def is_installed(flavour: str, dotted: str) -> bool:
    """Whether this interpreter can import the utility, without importing it."""
    path = module_path(flavour, dotted)
    try:
        return importlib.util.find_spec(path) is not None
    except ModuleNotFoundError:  # a missing parent package
        return False
