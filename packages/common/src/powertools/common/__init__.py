"""powertools.common: what more than one powertools utility needs.

Importing this package costs next to nothing: each public name below loads its
module on first use. JMESPath (``powertools.common.jmespath``), boto3
(``powertools.common.aws``) and the X-Ray SDK load only when used.
"""

from __future__ import annotations

from powertools.common.lazy import lazy_exports

# A local flag instead of typing.TYPE_CHECKING: importing `typing` costs ~2 ms of
# cold start for every utility, and type checkers honour any TYPE_CHECKING name.
TYPE_CHECKING = False

__version__ = "0.2.3"

_EXPORTS = {
    "ConfigurationError": ".exceptions",
    "InvalidEnvelopeExpressionError": ".exceptions",
    "InvalidEventError": ".exceptions",
    "MiddlewareInvalidArgumentError": ".exceptions",
    "PowertoolsError": ".exceptions",
    "DictWrapper": ".dict_wrapper",
    "decode_base64": ".dict_wrapper",
    "get_header_value": ".dict_wrapper",
    "parse_json": ".dict_wrapper",
    "Encoder": ".encoder",
    "env_bool": ".config",
    "env_str": ".config",
    "is_debug": ".config",
    "is_dev_mode": ".config",
    "service_name": ".config",
    "strtobool": ".config",
    "get_debug_logger": ".debug",
    "lambda_handler_decorator": ".middleware",
    "LambdaContext": ".typing",
    "LocalLambdaContext": ".typing",
    "PowertoolsUserWarning": ".warnings",
    "PowertoolsDeprecationWarning": ".warnings",
}

__all__ = [*sorted(_EXPORTS), "__version__"]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from powertools.common.config import (
        env_bool,
        env_str,
        is_debug,
        is_dev_mode,
        service_name,
        strtobool,
    )
    from powertools.common.debug import get_debug_logger
    from powertools.common.dict_wrapper import DictWrapper, decode_base64, get_header_value, parse_json
    from powertools.common.encoder import Encoder
    from powertools.common.exceptions import (
        ConfigurationError,
        InvalidEnvelopeExpressionError,
        InvalidEventError,
        MiddlewareInvalidArgumentError,
        PowertoolsError,
    )
    from powertools.common.middleware import lambda_handler_decorator
    from powertools.common.typing import LambdaContext, LocalLambdaContext
    from powertools.common.warnings import PowertoolsDeprecationWarning, PowertoolsUserWarning
