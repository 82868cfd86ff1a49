"""``AppConfigExtensionProvider``: AppConfig through the AWS AppConfig Agent Lambda extension.

The extension (a Lambda layer) polls AppConfig in the background and serves the latest
configuration over HTTP on ``localhost:2772`` (``AWS_APPCONFIG_EXTENSION_HTTP_PORT``), so
a read is a local HTTP call and needs no boto3 at all. IAM: the function's role needs
``appconfig:StartConfigurationSession`` and ``appconfig:GetLatestConfiguration`` (the
extension calls them).
"""

from __future__ import annotations

from powertools.parameters.base import BaseProvider
from powertools.parameters.constants import APPCONFIG_EXTENSION_PORT_ENV
from powertools.parameters.exceptions import GetParameterError

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

__all__ = ["AppConfigExtensionProvider"]

DEFAULT_EXTENSION_PORT = 2772
DEFAULT_EXTENSION_TIMEOUT_SECS = 3.0
# The body of an error reply is quoted in the message, cut to this many characters.
_MAX_ERROR_BODY = 500


class AppConfigExtensionProvider(BaseProvider):
    """Configuration profiles served by the AppConfig Agent extension (raw bytes by default)."""

    _kind = "configuration"

    def __init__(
        self,
        environment: str,
        application: str | None = None,
        port: int | None = None,
        timeout: float = DEFAULT_EXTENSION_TIMEOUT_SECS,
    ) -> None:
        from powertools.common.config import env_int, service_name

        super().__init__()
        self.environment = environment
        self.application = service_name(application)
        self.port = port if port is not None else env_int(APPCONFIG_EXTENSION_PORT_ENV, DEFAULT_EXTENSION_PORT)
        self.timeout = timeout

    def _get(self, name: str, **sdk_options: Any) -> bytes:
        from http.client import HTTPConnection, HTTPException

        path = self._build_path(name, **sdk_options)
        connection = HTTPConnection("localhost", self.port, timeout=self.timeout)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
        except (OSError, HTTPException) as exc:
            raise GetParameterError(
                f"Unable to reach the AWS AppConfig Agent Lambda extension on localhost:{self.port} "
                f"for configuration '{name}'. Make sure the AWS-AppConfig-Extension layer is attached "
                f"to the function. Error: {exc}",
                name=name,
            ) from exc
        finally:
            connection.close()
        if response.status != 200:
            detail = body[:_MAX_ERROR_BODY].decode("utf-8", errors="replace")
            raise GetParameterError(
                f"AWS AppConfig Agent Lambda extension returned HTTP {response.status} for {path}: {detail}",
                name=name,
            )
        return body

    def _build_path(self, name: str, **sdk_options: Any) -> str:
        from urllib.parse import quote, urlencode

        path = (
            f"/applications/{quote(self.application, safe='')}"
            f"/environments/{quote(self.environment, safe='')}"
            f"/configurations/{quote(name, safe='')}"
        )
        if sdk_options:
            path = f"{path}?{urlencode(sdk_options, doseq=True)}"
        return path

    def _get_multiple(self, path: str, **sdk_options: Any) -> dict[str, str]:
        raise NotImplementedError("The AppConfig extension has no multiple-value read: use get()")
