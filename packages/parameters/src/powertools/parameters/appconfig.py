"""AWS AppConfig: ``AppConfigProvider`` and ``get_app_config``.

Reads go through the AppConfigData session API (``powertools.common.appconfig``): one
session per configuration profile, its token renewed on every call, an empty reply
("unchanged") serving the last configuration, and ``NextPollIntervalInSeconds``
respected. The session asks AppConfig for a poll interval equal to ``max_age`` (at least
AppConfig's minimum of 15 s), so a new deployment is seen after ``max(max_age, 15 s)``.

IAM: ``appconfig:StartConfigurationSession`` and ``appconfig:GetLatestConfiguration``.
"""

from __future__ import annotations

from powertools.parameters._clients import LazyClient, config_argument
from powertools.parameters.base import BaseProvider, now, resolve_max_age
from powertools.parameters.constants import DEFAULT_PROVIDERS
from powertools.parameters.exceptions import GetParameterError

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    import boto3
    from botocore.config import Config

    from powertools.common.appconfig import AppConfigDataSession
    from powertools.parameters.types import TransformOptions

__all__ = ["AppConfigProvider", "get_app_config"]

_POLL_INTERVAL_OPTION = "RequiredMinimumPollIntervalInSeconds"


class AppConfigProvider(BaseProvider):
    """Configuration profiles of one AppConfig application and environment (raw bytes by default)."""

    _kind = "configuration"
    client = LazyClient("appconfigdata")

    def __init__(
        self,
        environment: str,
        application: str | None = None,
        config: Config | None = None,
        boto_config: Config | None = None,
        boto3_session: boto3.session.Session | None = None,
        boto3_client: Any = None,
    ) -> None:
        from powertools.common.config import service_name

        self._client_options = {"session": boto3_session, "config": config_argument(config, boto_config)}
        if boto3_client is not None:
            self.client = boto3_client
        self.environment = environment
        self.application = service_name(application)
        self.current_version = ""
        self._sessions: dict[str, AppConfigDataSession] = {}
        self._max_age: int | None = None
        super().__init__()

    def get(
        self,
        name: str,
        max_age: int | None = None,
        transform: TransformOptions = None,
        force_fetch: bool = False,
        **sdk_options: Any,
    ) -> Any:
        """The configuration profile ``name``; ``force_fetch`` asks AppConfig even before its poll interval."""
        self._max_age = max_age  # the poll interval of a session started by this call
        return super().get(name, max_age, transform, force_fetch, **sdk_options)

    def _fetch(self, name: str, force_fetch: bool, sdk_options: dict[str, Any]) -> bytes:
        return self._session(name, sdk_options).latest(force=force_fetch)

    def _get(self, name: str, **sdk_options: Any) -> bytes:
        return self._session(name, sdk_options).latest()

    def _session(self, name: str, sdk_options: dict[str, Any]) -> AppConfigDataSession:
        session = self._sessions.get(name)
        if session is None:
            from powertools.common.appconfig import AppConfigDataSession, poll_interval_for

            options = dict(sdk_options)
            interval = options.pop(_POLL_INTERVAL_OPTION, None)
            if options:
                raise GetParameterError(
                    f"Unknown option(s) {sorted(options)} for configuration '{name}': "
                    f"StartConfigurationSession only takes {_POLL_INTERVAL_OPTION}",
                    name=name,
                )
            if interval is None:
                interval = poll_interval_for(resolve_max_age(self._max_age))
            session = AppConfigDataSession(
                self.client,
                application=self.application,
                environment=self.environment,
                profile=name,
                min_poll_interval=interval,
                clock=now,  # the cache's clock: expiry and poll interval move together
            )
            self._sessions[name] = session
        return session

    def _get_multiple(self, path: str, **sdk_options: Any) -> dict[str, str]:
        raise NotImplementedError("AppConfig has no multiple-value read: use get() per configuration profile")

    def clear_cache(self) -> None:
        """Forget cached values and the sessions, so the next read starts a new session."""
        super().clear_cache()
        self._sessions.clear()


def get_app_config(
    name: str,
    environment: str,
    application: str | None = None,
    transform: TransformOptions = None,
    force_fetch: bool = False,
    max_age: int | None = None,
    **sdk_options: Any,
) -> Any:
    """Configuration profile ``name`` of ``application`` (default: the service name) in ``environment``."""
    from powertools.common.config import service_name

    application = service_name(application)
    # One default provider per application and environment (upstream reuses the first one
    # for every later environment).
    key = f"appconfig:{application}:{environment}"
    provider = DEFAULT_PROVIDERS.get(key)
    if provider is None:
        provider = DEFAULT_PROVIDERS[key] = AppConfigProvider(environment=environment, application=application)
    return provider.get(name, max_age=max_age, transform=transform, force_fetch=force_fetch, **sdk_options)
