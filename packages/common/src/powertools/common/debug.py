"""The library's own logger: silent unless POWERTOOLS_DEBUG is on."""

from __future__ import annotations

import logging
import sys

from powertools.common.config import is_debug

ROOT_LOGGER_NAME = "powertools"

_root = logging.getLogger(ROOT_LOGGER_NAME)
# Library logs must never reach the user's handlers unless they ask for them.
_root.addHandler(logging.NullHandler())
_configured = False


def get_debug_logger(name: str) -> logging.Logger:
    """Logger for a powertools module; debug output is enabled by POWERTOOLS_DEBUG."""
    enable_debug_from_env()
    if not name.startswith(ROOT_LOGGER_NAME):
        name = f"{ROOT_LOGGER_NAME}.{name}"
    return logging.getLogger(name)


def enable_debug_from_env() -> None:
    global _configured
    if _configured or not is_debug():
        return
    _configured = True
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    _root.addHandler(handler)
    _root.setLevel(logging.DEBUG)
