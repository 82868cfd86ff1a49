"""Rule-based feature flags over AWS AppConfig (upstream: aws_lambda_powertools.utilities.feature_flags).

    from powertools.feature_flags import AppConfigStore, FeatureFlags

    flags = FeatureFlags(store=AppConfigStore(environment="dev", application="shop", name="features"))
    flags.evaluate(name="premium_features", context={"tier": "premium"}, default=False)

Importing this package is cheap: boto3 loads on the first fetch from AppConfig.
"""

from __future__ import annotations

from powertools.common.lazy import lazy_exports

# Not typing.TYPE_CHECKING: importing `typing` would add to every cold start.
TYPE_CHECKING = False

__version__ = "0.1.0"

_EXPORTS = {
    "AppConfigStore": ".appconfig",
    "AppConfigExtensionStore": ".appconfig",
    "StoreProvider": ".base",
    "BaseValidator": ".base",
    "ConfigurationStoreError": ".exceptions",
    "SchemaValidationError": ".exceptions",
    "StoreClientError": ".exceptions",
    "InvalidContextError": ".exceptions",
    "FeatureFlags": ".feature_flags",
    "RuleAction": ".schema",
    "SchemaValidator": ".schema",
    "TimeKeys": ".schema",
    "TimeValues": ".schema",
    "ModuloRangeValues": ".schema",
}

__all__ = [
    "AppConfigStore",
    "AppConfigExtensionStore",
    "StoreProvider",
    "BaseValidator",
    "ConfigurationStoreError",
    "SchemaValidationError",
    "StoreClientError",
    "InvalidContextError",
    "FeatureFlags",
    "RuleAction",
    "SchemaValidator",
    "TimeKeys",
    "TimeValues",
    "ModuloRangeValues",
    "__version__",
]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from powertools.feature_flags.appconfig import AppConfigExtensionStore, AppConfigStore
    from powertools.feature_flags.base import BaseValidator, StoreProvider
    from powertools.feature_flags.exceptions import (
        ConfigurationStoreError,
        InvalidContextError,
        SchemaValidationError,
        StoreClientError,
    )
    from powertools.feature_flags.feature_flags import FeatureFlags
    from powertools.feature_flags.schema import (
        ModuloRangeValues,
        RuleAction,
        SchemaValidator,
        TimeKeys,
        TimeValues,
    )
