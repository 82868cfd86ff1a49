"""The module-path adapter: one name per area, resolved to upstream's or our module.

Scenario code is written once against a :class:`Flavour` (``pt.logger.Logger``,
``pt.metrics.Metrics``...) and run against both; only the import paths differ, which is
exactly the migration promise (ARCHITECTURE.md, "Compatibility with upstream").
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

UPSTREAM_PATHS: dict[str, str] = {
    "logger": "aws_lambda_powertools.logging",
    "metrics": "aws_lambda_powertools.metrics",
    "tracer": "aws_lambda_powertools.tracing",
    "parser": "aws_lambda_powertools.utilities.parser",
    "parser_models": "aws_lambda_powertools.utilities.parser.models",
    "parser_envelopes": "aws_lambda_powertools.utilities.parser.envelopes",
    "validation": "aws_lambda_powertools.utilities.validation",
    "validation_envelopes": "aws_lambda_powertools.utilities.validation.envelopes",
    "middleware": "aws_lambda_powertools.middleware_factory",
    "jmespath": "aws_lambda_powertools.utilities.jmespath_utils",
    "jmespath_envelopes": "aws_lambda_powertools.utilities.jmespath_utils.envelopes",
    "typing": "aws_lambda_powertools.utilities.typing",
    "serialization": "aws_lambda_powertools.utilities.serialization",
    "data_classes": "aws_lambda_powertools.utilities.data_classes",
    "event_handler": "aws_lambda_powertools.event_handler",
    "idempotency": "aws_lambda_powertools.utilities.idempotency",
    "batch": "aws_lambda_powertools.utilities.batch",
    "parameters": "aws_lambda_powertools.utilities.parameters",
    "feature_flags": "aws_lambda_powertools.utilities.feature_flags",
}

OUR_PATHS: dict[str, str] = {
    "logger": "powertools.logger",
    "metrics": "powertools.metrics",
    "tracer": "powertools.tracer",
    "parser": "powertools.parser",
    "parser_models": "powertools.parser.models",
    "parser_envelopes": "powertools.parser.envelopes",
    "validation": "powertools.validation",
    "validation_envelopes": "powertools.validation.envelopes",
    "middleware": "powertools.common.middleware",
    "jmespath": "powertools.common.jmespath",
    "jmespath_envelopes": "powertools.common.jmespath.envelopes",
    "typing": "powertools.common.typing",
    "serialization": "powertools.common.serialization",
    "data_classes": "powertools.data_classes",
    "event_handler": "powertools.event_handler",
    "idempotency": "powertools.idempotency",
    "batch": "powertools.batch",
    "parameters": "powertools.parameters",
    "feature_flags": "powertools.feature_flags",
}


@dataclass(frozen=True, eq=False)  # identity: hashable, usable as a cache key
class Flavour:
    """One implementation: ``flavour.<area>`` imports and returns that area's module."""

    name: str
    paths: dict[str, str]

    def __getattr__(self, area: str) -> ModuleType:
        if area.startswith("_") or area not in self.paths:
            raise AttributeError(area)
        return importlib.import_module(self.paths[area])

    def module(self, area: str, submodule: str = "") -> ModuleType:
        """``area`` plus a dotted submodule kept under both roots (e.g. ``parser_models``, ``sqs``)."""
        path = self.paths[area] + (f".{submodule}" if submodule else "")
        return importlib.import_module(path)

    @property
    def upstream(self) -> bool:
        return self.name == "upstream"

    def __repr__(self) -> str:
        return self.name


UPSTREAM = Flavour("upstream", UPSTREAM_PATHS)
OURS = Flavour("ours", OUR_PATHS)
FLAVOURS: tuple[Flavour, Flavour] = (UPSTREAM, OURS)
