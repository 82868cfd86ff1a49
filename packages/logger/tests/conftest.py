from __future__ import annotations

import io
import itertools
import json
import logging
import re
from collections.abc import Iterator
from typing import Any

import pytest

from powertools.logger import lambda_context as invocation

# The default timestamp shape: 2026-11-29 08:19:49,853+0000
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}[+-]\d{4}$")
_ids = itertools.count()


class Output(io.StringIO):
    """The stream a test Logger writes to, read back as JSON documents."""

    def documents(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.getvalue().splitlines() if line]

    def lines(self) -> list[str]:
        return self.getvalue().splitlines()


@pytest.fixture
def output() -> Output:
    return Output()


@pytest.fixture
def service() -> Iterator[str]:
    """A service name no other test uses: a Logger configures the stdlib logger of that name once."""
    name = f"svc{next(_ids)}"
    yield name
    stdlib = logging.getLogger(name)
    stdlib.handlers.clear()
    for attr in ("init", "powertools_handler", "powertools_buffer_config", "powertools_buffer_cache"):
        stdlib.__dict__.pop(attr, None)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for variable in (
        "POWERTOOLS_SERVICE_NAME",
        "POWERTOOLS_LOG_LEVEL",
        "LOG_LEVEL",
        "AWS_LAMBDA_LOG_LEVEL",
        "POWERTOOLS_LOGGER_SAMPLE_RATE",
        "POWERTOOLS_LOGGER_LOG_EVENT",
        "POWERTOOLS_DEV",
        "POWERTOOLS_LOG_DEDUPLICATION_DISABLED",
        "_X_AMZN_TRACE_ID",
        "AWS_LAMBDA_INITIALIZATION_TYPE",
    ):
        monkeypatch.delenv(variable, raising=False)
    invocation.is_cold_start = True
    invocation.current_request_id = None
    yield
    from powertools.logger.context_keys import clear_context_keys

    clear_context_keys()


def _stamp(document: dict[str, Any]) -> dict[str, Any]:
    """Check the timestamp's format, then replace it so whole documents can be compared."""
    assert TIMESTAMP.match(document["timestamp"]), document["timestamp"]
    return {**document, "timestamp": "<ts>"}


@pytest.fixture
def stamp() -> Any:
    return _stamp
