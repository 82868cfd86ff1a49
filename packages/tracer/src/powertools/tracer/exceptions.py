"""Errors raised by powertools.tracer for input it cannot record."""

from __future__ import annotations

from powertools.common.exceptions import PowertoolsError


class InvalidAnnotationError(PowertoolsError, ValueError):
    """An annotation key or value X-Ray would silently drop.

    Keys are ASCII letters, digits and underscores; values are str, int, float or bool.
    """

    def __init__(self, key: object, value: object, reason: str) -> None:
        self.key = key
        self.value = value
        self.reason = reason
        super().__init__(f"annotation {key!r} cannot be recorded: {reason}")


class InvalidMetadataError(PowertoolsError, ValueError):
    """A metadata namespace X-Ray would reject (not a string, or the reserved ``AWS.`` prefix)."""

    def __init__(self, namespace: object, reason: str) -> None:
        self.namespace = namespace
        self.reason = reason
        super().__init__(f"metadata namespace {namespace!r} cannot be used: {reason}")


class MissingDependencyError(PowertoolsError, ImportError):
    """An optional dependency a feature needs is not installed."""

    def __init__(self, feature: str, requirement: str) -> None:
        self.feature = feature
        self.requirement = requirement
        super().__init__(f"{feature} needs {requirement!r}: pip install {requirement}")
