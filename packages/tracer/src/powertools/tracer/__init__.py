"""powertools.tracer: X-Ray (or OpenTelemetry) tracing for Lambda handlers and methods.

``import powertools.tracer`` loads nothing heavy: aws_xray_sdk is imported only when
a tracer is enabled or its provider is used, opentelemetry only with OpenTelemetryProvider.
"""

from __future__ import annotations

from powertools.common.lazy import lazy_exports

# Not typing.TYPE_CHECKING: importing `typing` would add to every cold start.
TYPE_CHECKING = False

__version__ = "0.2.3"

_EXPORTS = {
    "Tracer": ".tracer",
    "aiohttp_trace_config": ".extensions",
    "BaseProvider": ".base",
    "BaseSegment": ".base",
    "XRayProvider": ".xray",
    "OpenTelemetryProvider": ".otel",
    "InvalidAnnotationError": ".exceptions",
    "InvalidMetadataError": ".exceptions",
    "MissingDependencyError": ".exceptions",
}

__all__ = [
    "Tracer",
    "aiohttp_trace_config",
    "BaseProvider",
    "BaseSegment",
    "XRayProvider",
    "OpenTelemetryProvider",
    "InvalidAnnotationError",
    "InvalidMetadataError",
    "MissingDependencyError",
    "__version__",
]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from powertools.tracer.base import BaseProvider, BaseSegment
    from powertools.tracer.exceptions import InvalidAnnotationError, InvalidMetadataError, MissingDependencyError
    from powertools.tracer.extensions import aiohttp_trace_config
    from powertools.tracer.otel import OpenTelemetryProvider
    from powertools.tracer.tracer import Tracer
    from powertools.tracer.xray import XRayProvider
