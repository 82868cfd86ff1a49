"""Metrics providers: the base class to write your own, and the shipped backends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from powertools.common.lazy import lazy_exports

_EXPORTS = {
    "BaseProvider": ".base",
    "AmazonCloudWatchEMFProvider": ".cloudwatch_emf.cloudwatch",
}

__all__ = ["BaseProvider", "AmazonCloudWatchEMFProvider"]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from powertools.metrics.provider.base import BaseProvider
    from powertools.metrics.provider.cloudwatch_emf.cloudwatch import AmazonCloudWatchEMFProvider
