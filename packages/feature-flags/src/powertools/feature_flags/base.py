"""Store and validator interfaces (upstream: aws_lambda_powertools.utilities.feature_flags.base)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any


class StoreProvider(ABC):
    """Where feature flags come from. Subclass it to read them from anywhere.

    ``get_configuration`` should return the *same* dict object for as long as the
    configuration has not changed: ``FeatureFlags`` validates and compiles a configuration
    once per new object, and reuses the compiled rules while the object stays the same.
    """

    @property
    @abstractmethod
    def get_raw_configuration(self) -> dict[str, Any]:
        """The whole parsed document, before any envelope."""
        raise NotImplementedError()  # pragma: no cover

    @abstractmethod
    def get_configuration(self) -> dict[str, Any]:
        """The feature flags (the document, or the part an envelope selects).

        Raises ``ConfigurationStoreError`` when it cannot be fetched or parsed.
        """
        raise NotImplementedError()  # pragma: no cover


class BaseValidator(ABC):
    @abstractmethod
    def validate(self) -> None:
        raise NotImplementedError()  # pragma: no cover
