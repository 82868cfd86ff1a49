"""Filters the Logger installs on other handlers."""

from __future__ import annotations

import logging


class SuppressFilter(logging.Filter):
    """Drop records of one service's loggers (``payment``, ``payment.*``) on a foreign handler.

    Installed on the root logger's handlers so a record is not printed twice:
    once by the Logger's JSON handler and again by a root handler (the Lambda
    runtime's, or pytest's live log).
    """

    def __init__(self, logger: str) -> None:
        super().__init__()
        self.logger = logger
        self._prefix = f"{logger}."

    def filter(self, record: logging.LogRecord) -> bool:
        name = record.name
        return not (name == self.logger or name.startswith(self._prefix))
