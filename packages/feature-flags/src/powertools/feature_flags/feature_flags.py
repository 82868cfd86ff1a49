"""``FeatureFlags``: evaluates features of a store's configuration against a context.

Upstream: aws_lambda_powertools.utilities.feature_flags.feature_flags. The configuration
is validated and compiled once per new object the store returns; ``evaluate`` then runs
the compiled predicates: rules in order, the first rule whose conditions all match wins.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Mapping

from powertools.common.warnings import PowertoolsUserWarning
from powertools.feature_flags.compiler import compile_features
from powertools.feature_flags.exceptions import ConfigurationStoreError, InvalidContextError
from powertools.feature_flags.schema import SchemaValidator

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable
    from typing import Any

    from powertools.feature_flags.base import StoreProvider
    from powertools.feature_flags.compiler import CompiledFeature, CompiledRule
    from powertools.feature_flags.types import JSONType, T


class FeatureFlags:
    def __init__(self, store: StoreProvider, logger: Any = None) -> None:
        self.store = store
        self.logger = logger or logging.getLogger(__name__)
        self._exception_handlers: dict[Any, Callable[..., Any]] = {}
        # The last configuration validated, kept alive so its identity cannot be reused by another object.
        self._last_config: Any = None
        self._compiled: dict[str, CompiledFeature] = {}

    # -- configuration -------------------------------------------------------------------

    def get_configuration(self) -> dict[str, Any]:
        """The store's configuration, validated (raises ``SchemaValidationError``)."""
        config = self.store.get_configuration()
        if config is not self._last_config:
            self._compile(config)
        return config

    def _features(self) -> dict[str, CompiledFeature]:
        config = self.store.get_configuration()
        if config is not self._last_config:
            self._compile(config)
        return self._compiled

    def _compile(self, config: Any) -> None:
        self.logger.debug("Validating and compiling a new feature flags configuration")
        SchemaValidator(schema=config, logger=self.logger).validate()
        self._compiled = compile_features(config)
        self._last_config = config

    # -- evaluation ----------------------------------------------------------------------

    def evaluate(self, *, name: str, context: Mapping[str, Any] | None = None, default: JSONType) -> JSONType:
        """The value of feature ``name`` for ``context``.

        The first rule whose conditions all match gives its ``when_match``; no match gives the
        feature's ``default``; an unknown feature, or a store that cannot fetch the
        configuration (``ConfigurationStoreError``), gives ``default``.
        """
        context = _checked(context)
        try:
            features = self._features()
        except ConfigurationStoreError as exc:
            self.logger.debug("Failed to fetch feature flags from store, returning default provided, reason=%s", exc)
            return default
        feature = features.get(name)
        if feature is None:
            return default
        if not feature.rules:
            return feature.no_rules_value
        return self._match(feature, context)

    def get_enabled_features(self, *, context: Mapping[str, Any] | None = None) -> list[str]:
        """Names of the features whose value for ``context`` is truthy."""
        context = _checked(context)
        try:
            features = self._features()
        except ConfigurationStoreError as exc:
            self.logger.debug("Failed to fetch feature flags from store, returning empty list, reason=%s", exc)
            return []
        enabled = []
        for name, feature in features.items():
            if feature.rules:
                if self._match(feature, context):
                    enabled.append(name)
            elif feature.default:
                enabled.append(name)
        return enabled

    def _match(self, feature: CompiledFeature, context: Mapping[str, Any]) -> Any:
        for rule in feature.rules:
            for predicate in rule.predicates:
                try:
                    if not predicate(context):
                        break
                except Exception as exc:
                    if not self._on_condition_error(exc, feature, rule, predicate, context):
                        break
            else:
                return rule.value
        return feature.default

    def _on_condition_error(
        self, exc: Exception, feature: CompiledFeature, rule: CompiledRule, predicate: Any, context: Mapping[str, Any]
    ) -> Any:
        key, action, reads_context = rule.describe(predicate)
        self.logger.debug("caught exception while matching action: action=%s, exception=%s", action, exc)
        if not reads_context or key in context:
            # An absent key is an ordinary non-match. Otherwise name the condition, never the value.
            with contextlib.suppress(PowertoolsUserWarning):  # warnings as errors must not break evaluation
                warnings.warn(
                    f"Failed to evaluate feature flag condition: feature={feature.name}, rule={rule.name}, "
                    f"key={key}, action={action}, exception_type={type(exc).__name__}",
                    category=PowertoolsUserWarning,
                    stacklevel=4,
                )
        handler = self._lookup_exception_handler(exc)
        if handler is not None:
            return handler(exc)
        return False

    # -- exception handlers --------------------------------------------------------------

    def validation_exception_handler(self, exc_class: Any) -> Callable[[Callable[..., T]], Callable[..., T]]:
        """Register a function called with the exception a condition raises while matching.

        Its return value decides whether the condition matches. It does not see store errors.
        """

        def register(func: Callable[..., T]) -> Callable[..., T]:
            for cls in exc_class if isinstance(exc_class, list) else [exc_class]:
                self._exception_handlers[cls] = func
            return func

        return register

    def _lookup_exception_handler(self, exc: BaseException) -> Callable[..., Any] | None:
        for cls in type(exc).__mro__:  # a handler for a base class catches its subclasses
            if cls in self._exception_handlers:
                return self._exception_handlers[cls]
        return None


def _checked(context: Any) -> Mapping[str, Any]:
    if context is None:
        return {}
    if type(context) is dict or isinstance(context, Mapping):
        return context
    raise InvalidContextError(f"context must be a dict of attributes, got {type(context).__name__}")
