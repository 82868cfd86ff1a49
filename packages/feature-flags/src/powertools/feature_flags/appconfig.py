"""``AppConfigStore``: feature flags from an AWS AppConfig configuration profile.

Upstream: aws_lambda_powertools.utilities.feature_flags.appconfig. Reads through the
AppConfigData session API (``powertools.common.appconfig``); boto3 loads on the first fetch.
"""

from __future__ import annotations

import json
import logging
import time

from powertools.common.appconfig import AppConfigDataSession, poll_interval_for
from powertools.common.exceptions import ConfigurationError
from powertools.feature_flags.base import StoreProvider
from powertools.feature_flags.exceptions import ConfigurationStoreError, StoreClientError

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    import boto3
    from botocore.config import Config

__version__ = "0.1.0"

# The store's clock; tests replace it to move time forward without sleeping.
monotonic = time.monotonic


def _clock() -> float:
    return monotonic()


class AppConfigStore(StoreProvider):
    """The feature flags in AppConfig ``application`` / ``environment`` / configuration profile ``name``.

    The parsed document is kept for ``max_age`` seconds; after that AppConfig is asked again,
    no more often than the poll interval it sets (at least 15 seconds), and an unchanged
    configuration costs no parsing, validation or compilation.
    """

    def __init__(
        self,
        environment: str,
        application: str,
        name: str,
        max_age: int = 5,
        sdk_config: Config | None = None,
        envelope: str | None = "",
        jmespath_options: dict[str, Any] | None = None,
        logger: Any = None,
        boto_config: Config | None = None,
        boto3_session: boto3.session.Session | None = None,
        boto3_client: Any = None,
        use_extension: bool = False,
    ) -> None:
        if use_extension:
            raise ConfigurationError(
                "use_extension", use_extension, "False: the AppConfig Lambda extension is not supported yet"
            )
        if isinstance(max_age, bool) or not isinstance(max_age, int | float) or max_age < 0:
            raise ConfigurationError("max_age", max_age, "a number of seconds >= 0")
        self.logger = logger or logging.getLogger(__name__)
        self.environment = environment
        self.application = application
        self.name = name
        self.cache_seconds = max_age
        self.config = sdk_config or boto_config
        self.envelope = envelope
        self.jmespath_options = jmespath_options
        self._boto3_session = boto3_session
        self._boto3_client = boto3_client
        self._session: AppConfigDataSession | None = None
        self._raw: bytes | None = None
        self._document: Any = None
        self._fetched_at = 0.0
        self._extracted: tuple[Any, Any] | None = None  # (document, what the envelope selected from it)

    @property
    def get_raw_configuration(self) -> dict[str, Any]:
        """The whole parsed document (cached for ``max_age`` seconds)."""
        if self._document is not None and _clock() - self._fetched_at < self.cache_seconds:
            return self._document
        raw = self._fetch()
        if raw is not self._raw or self._document is None:
            try:
                self._document = json.loads(raw)
            except ValueError as exc:
                raise ConfigurationStoreError(
                    f"AWS AppConfig configuration {self._where()} is not valid JSON: {exc}"
                ) from None
            self._raw = raw
        self._fetched_at = _clock()
        return self._document

    def get_configuration(self) -> dict[str, Any]:
        """The document, or the part ``envelope`` selects (the same object until it changes)."""
        document = self.get_raw_configuration
        if not self.envelope:
            return document
        if self._extracted is not None and self._extracted[0] is document:
            return self._extracted[1]
        from powertools.common.jmespath import query

        selected = query(document, self.envelope, self.jmespath_options)
        self._extracted = (document, selected)
        return selected

    def _fetch(self) -> bytes:
        self.logger.debug("Fetching configuration from the store, name=%s, max_age=%s", self.name, self.cache_seconds)
        try:
            return self._data_session().latest()
        except Exception as exc:  # botocore's errors: client, connection, credentials, ...
            code = _error_code(exc)
            if "AccessDenied" in code or "AccessDenied" in str(exc):
                raise StoreClientError(f"AWS AppConfig denied access to {self._where()}: {exc}") from exc
            raise ConfigurationStoreError(f"Unable to get AWS AppConfig configuration file {self._where()}") from exc

    def _data_session(self) -> AppConfigDataSession:
        if self._session is None:
            from powertools.common.aws import build_client

            client = build_client(
                "appconfigdata",
                utility="feature_flags",
                version=__version__,
                client=self._boto3_client,
                session=self._boto3_session,
                config=self.config,
            )
            self._session = AppConfigDataSession(
                client,
                application=self.application,
                environment=self.environment,
                profile=self.name,
                min_poll_interval=poll_interval_for(self.cache_seconds),
                clock=_clock,
            )
        return self._session

    def _where(self) -> str:
        return f"application={self.application}, environment={self.environment}, name={self.name}"


def _error_code(exc: Exception) -> str:
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        return str(response.get("Error", {}).get("Code", ""))
    return ""


class AppConfigExtensionStore(AppConfigStore):
    """Upstream's store over the AppConfig Lambda extension: not supported yet.

    Kept importable so that migrated import lines keep working; creating one raises
    ``ConfigurationError``. Use ``AppConfigStore``, which calls AppConfigData directly.
    """

    def __init__(
        self,
        environment: str,
        application: str,
        name: str,
        max_age: int = 5,
        envelope: str | None = "",
        jmespath_options: dict[str, Any] | None = None,
        logger: Any = None,
    ) -> None:
        super().__init__(environment, application, name, max_age, envelope=envelope, use_extension=True)
