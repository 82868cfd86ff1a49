"""The Datadog metrics provider."""

from __future__ import annotations

from typing import TYPE_CHECKING

from powertools.common.lazy import lazy_exports

_EXPORTS = {
    "DatadogMetrics": ".metrics",
    "DatadogProvider": ".datadog",
    "DatadogDataValidationWarning": ".warnings",
}

__all__ = ["DatadogMetrics", "DatadogProvider", "DatadogDataValidationWarning"]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from powertools.metrics.provider.datadog.datadog import DatadogProvider
    from powertools.metrics.provider.datadog.metrics import DatadogMetrics
    from powertools.metrics.provider.datadog.warnings import DatadogDataValidationWarning
