"""The library's own logger: silent unless POWERTOOLS_DEBUG is on, and free until it could be seen.

Importing ``logging`` costs milliseconds of cold start, so modules get a stand-in that loads it
only once a record could reach anyone: when POWERTOOLS_DEBUG is on, or when ``logging`` is
already loaded (the Lambda runtime loads it before the handler; so does every app that
configures logging). Before that no handler can exist for the ``powertools`` loggers, and the
root of them has a NullHandler, so a record dropped then is one nobody could have seen.
"""

from __future__ import annotations

import sys

from powertools.common.config import is_debug

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing adds to every cold start
if TYPE_CHECKING:
    import logging
    from collections.abc import Callable
    from typing import Any

ROOT_LOGGER_NAME = "powertools"
_LEVEL_METHODS = ("debug", "info", "warning", "error", "exception", "critical")
_root_ready = False  # the powertools logger has its NullHandler
_debug_on = False  # ... and the stderr handler POWERTOOLS_DEBUG asks for


class DebugLogger:
    """Stands in for the ``logging.Logger`` of a powertools module until ``logging`` is needed.

    Its first call that could be seen swaps the real logger's bound methods into the instance,
    so later calls go straight to ``logging`` with no extra frame (and records name the caller).
    Any other attribute (``setLevel``, ``handlers``, ...) is the real logger's.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def _bind(self) -> logging.Logger | None:
        if "logging" not in sys.modules and not is_debug():
            return None
        logger = _stdlib_logger(self.name)
        for method in (*_LEVEL_METHODS, "isEnabledFor"):
            setattr(self, method, getattr(logger, method))
        return logger

    def isEnabledFor(self, level: int) -> bool:  # logging's name
        logger = self._bind()
        return logger is not None and logger.isEnabledFor(level)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy/pickle probes must not load logging
            raise AttributeError(name)
        return getattr(_stdlib_logger(self.name), name)

    # Filled in below, one per level: def debug(self, msg, *args, **kwargs) -> None, ...
    debug: Callable[..., None]
    info: Callable[..., None]
    warning: Callable[..., None]
    error: Callable[..., None]
    exception: Callable[..., None]
    critical: Callable[..., None]


def _level_method(name: str) -> Callable[..., None]:
    def log(self: DebugLogger, msg: object, *args: object, **kwargs: Any) -> None:
        logger = self._bind()
        if logger is not None:
            kwargs["stacklevel"] = kwargs.get("stacklevel", 1) + 1  # this frame isn't the caller
            getattr(logger, name)(msg, *args, **kwargs)

    log.__name__ = log.__qualname__ = name
    return log


for _name in _LEVEL_METHODS:
    setattr(DebugLogger, _name, _level_method(_name))


def get_debug_logger(name: str) -> DebugLogger:
    """Logger for a powertools module; debug output is enabled by POWERTOOLS_DEBUG."""
    if not name.startswith(ROOT_LOGGER_NAME):
        name = f"{ROOT_LOGGER_NAME}.{name}"
    return DebugLogger(name)


def _stdlib_logger(name: str) -> logging.Logger:
    import logging

    enable_debug_from_env()
    return logging.getLogger(name)


def enable_debug_from_env() -> None:
    """Give the ``powertools`` logger its handlers: none visible, unless POWERTOOLS_DEBUG is on."""
    global _root_ready, _debug_on
    import logging

    root = logging.getLogger(ROOT_LOGGER_NAME)
    if not _root_ready:
        _root_ready = True
        # Library logs must never reach the user's handlers unless they ask for them.
        root.addHandler(logging.NullHandler())
    if _debug_on or not is_debug():
        return
    _debug_on = True

    class StderrHandler(logging.StreamHandler):
        """Writes to ``sys.stderr`` as it is at each record: runtimes and test runners replace it."""

        @property
        def stream(self) -> Any:
            return sys.stderr

        @stream.setter
        def stream(self, _value: Any) -> None:
            pass

    handler = StderrHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
