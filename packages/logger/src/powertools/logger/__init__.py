"""powertools.logger: structured JSON logging for AWS Lambda (upstream: aws_lambda_powertools.logging).

    from powertools.logger import Logger

    logger = Logger(service="payment")

    @logger.inject_lambda_context
    def handler(event, context):
        logger.info("Collecting payment", order_id=event["order_id"])

Importing this package loads nothing but itself; each name below loads its module on first use.
"""

from __future__ import annotations

from powertools.common.lazy import lazy_exports

# Not typing.TYPE_CHECKING: importing `typing` would add to every cold start.
TYPE_CHECKING = False

__version__ = "0.1.4"

_EXPORTS = {
    "Logger": ".logger",
    "set_package_logger": ".logger",
    "log_uncaught_exception_hook": ".logger",
    "LambdaPowertoolsFormatter": ".formatter",
    "BasePowertoolsFormatter": ".formatter",
    "JsonFormatter": ".formatter",
    "DatadogLogFormatter": ".formatters.datadog",
    "LoggerBufferConfig": ".buffer.config",
    "copy_config_to_registered_loggers": ".utils",
    "InvalidLoggerSamplingRateError": ".exceptions",
    "InvalidLogKeyError": ".exceptions",
    "OrphanedChildLoggerError": ".exceptions",
    "PowertoolsUserWarning": ".exceptions",
    "SuppressFilter": ".filters",
    "correlation_paths": ".correlation_paths",
}

__all__ = [*_EXPORTS, "__version__"]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from powertools.logger import correlation_paths
    from powertools.logger.buffer.config import LoggerBufferConfig
    from powertools.logger.exceptions import (
        InvalidLoggerSamplingRateError,
        InvalidLogKeyError,
        OrphanedChildLoggerError,
        PowertoolsUserWarning,
    )
    from powertools.logger.filters import SuppressFilter
    from powertools.logger.formatter import BasePowertoolsFormatter, JsonFormatter, LambdaPowertoolsFormatter
    from powertools.logger.formatters.datadog import DatadogLogFormatter
    from powertools.logger.logger import Logger, log_uncaught_exception_hook, set_package_logger
    from powertools.logger.utils import copy_config_to_registered_loggers
