"""copy_config_to_registered_loggers: give other libraries' loggers the Logger's JSON output."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from powertools.logger.logger import Logger

PACKAGE_LOGGER = "powertools"


def copy_config_to_registered_loggers(
    source_logger: Logger,
    log_level: int | str | None = None,
    ignore_log_level: bool = False,
    exclude: set[str] | None = None,
    include: set[str] | None = None,
) -> None:
    """Make already-created top-level loggers (``boto3``, ``requests``, ...) write through ``source_logger``.

    Each chosen logger gets the source's handlers, stops propagating (no duplicates
    via root) and takes ``log_level`` (default: the source's level) unless
    ``ignore_log_level``. Records gain a ``name`` key telling which logger wrote them.
    The source logger and powertools' own logger are never touched.
    """
    level = log_level or source_logger.log_level
    # A child source ("payment.orders") must not reconfigure its parent ("payment").
    excluded = {*(exclude or ()), source_logger.name.split(".")[0], PACKAGE_LOGGER}
    names = [name for name in logging.root.manager.loggerDict if "." not in name]
    if include:
        chosen = [name for name in names if name in include and name not in excluded]
    else:
        chosen = [name for name in names if name not in excluded]
    for name in chosen:
        _configure_logger(source_logger, logging.getLogger(name), level, ignore_log_level)


def _configure_logger(source_logger: Logger, logger: logging.Logger, level: int | str, ignore_log_level: bool) -> None:
    if not ignore_log_level:
        logger.setLevel(level)
    logger.handlers = []
    logger.propagate = False  # the source's handler writes it; root must not write it again
    source_logger.append_keys(name="%(name)s")
    for handler in source_logger.handlers:
        logger.addHandler(handler)
