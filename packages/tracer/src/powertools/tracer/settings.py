"""Environment variables Tracer reads, and when tracing turns itself off."""

from __future__ import annotations

import os

from powertools.common.config import env_bool, is_chalice_local, is_dev_mode, is_sam_local
from powertools.common.debug import get_debug_logger

TRACE_DISABLED_ENV = "POWERTOOLS_TRACE_DISABLED"
CAPTURE_RESPONSE_ENV = "POWERTOOLS_TRACER_CAPTURE_RESPONSE"
CAPTURE_ERROR_ENV = "POWERTOOLS_TRACER_CAPTURE_ERROR"
# The X-Ray SDK keys its Lambda mode on this variable, so Tracer does too.
LAMBDA_TASK_ROOT_ENV = "LAMBDA_TASK_ROOT"

logger = get_debug_logger(__name__)


def disabled_by_environment() -> bool:
    """Why tracing would do nothing here: explicitly off, or no X-Ray daemon to talk to."""
    if env_bool(TRACE_DISABLED_ENV):
        logger.debug("Tracing disabled by %s", TRACE_DISABLED_ENV)
        return True
    if not os.environ.get(LAMBDA_TASK_ROOT_ENV):
        logger.debug("Tracing disabled: not running in AWS Lambda")
        return True
    if is_sam_local() or is_chalice_local():
        logger.debug("Tracing disabled: running in a local Lambda emulator")
        return True
    if is_dev_mode():
        logger.debug("Tracing disabled: POWERTOOLS_DEV is on")
        return True
    return False


def capture_response(choice: bool | None) -> bool:
    """The decorator argument, else POWERTOOLS_TRACER_CAPTURE_RESPONSE, else true."""
    return env_bool(CAPTURE_RESPONSE_ENV, default=True, choice=choice)


def capture_error(choice: bool | None) -> bool:
    """The decorator argument, else POWERTOOLS_TRACER_CAPTURE_ERROR, else true."""
    return env_bool(CAPTURE_ERROR_ENV, default=True, choice=choice)
