"""One AppConfig configuration profile read through the AppConfigData session API.

Parameters (``AppConfigProvider``) and feature flags (``AppConfigStore``) both read
AppConfig this way, so the protocol lives here once:

* ``StartConfigurationSession`` once, then ``GetLatestConfiguration`` with the token the
  previous call returned (each token is good for exactly one call);
* an empty configuration in a reply means "unchanged": the last content is served;
* ``NextPollIntervalInSeconds`` is respected: a refresh asked for earlier than that
  serves the last content without a call (every call is billed);
* a rejected token (expired after 24 h, or lost with a failed call) starts a new session
  once, transparently.

The caller passes a ready boto3 ``appconfigdata`` client, so nothing here imports boto3.
"""

from __future__ import annotations

import time

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable
    from typing import Any

# AppConfig's own bounds for RequiredMinimumPollIntervalInSeconds.
MIN_POLL_INTERVAL_SECONDS = 15
MAX_POLL_INTERVAL_SECONDS = 86_400


def poll_interval_for(max_age: float) -> int:
    """The minimum poll interval to ask AppConfig for, given a cache ``max_age`` in seconds."""
    return int(min(max(max_age, MIN_POLL_INTERVAL_SECONDS), MAX_POLL_INTERVAL_SECONDS))


class AppConfigDataSession:
    """The latest content of ``application`` / ``environment`` / ``profile``.

    ``latest()`` returns the newest bytes AppConfig has given this session; it calls the
    service only when the poll interval AppConfig asked for has passed (or ``force=True``).
    Service errors propagate as botocore raises them; utilities wrap them in their own
    typed errors. Not thread-safe by design: a Lambda sandbox runs one invocation at a time.
    """

    def __init__(
        self,
        client: Any,
        *,
        application: str,
        environment: str,
        profile: str,
        min_poll_interval: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.application = application
        self.environment = environment
        self.profile = profile
        self.min_poll_interval = min_poll_interval
        self._clock = clock
        self._token: str | None = None
        self._content: bytes | None = None
        self.content_type: str | None = None
        self._next_poll_at = 0.0

    @property
    def has_content(self) -> bool:
        return self._content is not None

    def latest(self, *, force: bool = False) -> bytes:
        """The newest configuration bytes (``b""`` when the profile is empty)."""
        if self._content is not None and not force and self._clock() < self._next_poll_at:
            return self._content
        reused_token = self._token is not None
        try:
            reply = self._get_latest()
        except Exception as exc:
            if not (reused_token and _is_bad_request(exc)):
                raise
            # The kept token was stale (expired after 24 h): once more with a fresh session.
            reply = self._get_latest()
        configuration = reply.get("Configuration")
        body = configuration.read() if configuration is not None else b""
        # Empty means "you already have the latest": keep what we have.
        if body or self._content is None:
            self._content = body
            self.content_type = reply.get("ContentType") or self.content_type
        interval = reply.get("NextPollIntervalInSeconds")
        self._next_poll_at = self._clock() + (interval if isinstance(interval, int) and interval > 0 else 0)
        return self._content

    def _get_latest(self) -> dict[str, Any]:
        token = self._token or self._start_session()
        # A token is single use: forget it before the call, so a failed call starts afresh.
        self._token = None
        reply: dict[str, Any] = self.client.get_latest_configuration(ConfigurationToken=token)
        self._token = reply.get("NextPollConfigurationToken")
        return reply

    def _start_session(self) -> str:
        request: dict[str, Any] = {
            "ApplicationIdentifier": self.application,
            "EnvironmentIdentifier": self.environment,
            "ConfigurationProfileIdentifier": self.profile,
        }
        if self.min_poll_interval is not None:
            request["RequiredMinimumPollIntervalInSeconds"] = self.min_poll_interval
        token: str = self.client.start_configuration_session(**request)["InitialConfigurationToken"]
        return token


def _is_bad_request(exc: Exception) -> bool:
    response = getattr(exc, "response", None)
    if not isinstance(response, dict):
        return False
    return response.get("Error", {}).get("Code") == "BadRequestException"
