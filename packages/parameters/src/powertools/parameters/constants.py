"""Settings, defaults and the shared default providers (upstream: ``parameters.constants``)."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any, Literal

    SSM_PARAMETER_TYPES = Literal["String", "StringList", "SecureString"]
    SSM_PARAMETER_TIER = Literal["Standard", "Advanced", "Intelligent-Tiering"]

MAX_AGE_ENV = "POWERTOOLS_PARAMETERS_MAX_AGE"
SSM_DECRYPT_ENV = "POWERTOOLS_PARAMETERS_SSM_DECRYPT"
APPCONFIG_EXTENSION_PORT_ENV = "AWS_APPCONFIG_EXTENSION_HTTP_PORT"

# Upstream keeps this as a string too; it is parsed like the environment variable.
DEFAULT_MAX_AGE_SECS = "300"

TRANSFORM_METHOD_JSON = "json"
TRANSFORM_METHOD_BINARY = "binary"
TRANSFORM_METHOD_AUTO = "auto"

# The providers behind get_parameter, get_secret, get_app_config...: created on first use,
# dropped by clear_caches().
DEFAULT_PROVIDERS: dict[str, Any] = {}
