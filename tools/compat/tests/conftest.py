"""Every compat test starts from a clean sandbox for BOTH flavours."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tools.compat.harness import FLAVOURS, reset_logger_state, reset_metrics_state

# Settings either flavour reads from the environment; a developer's shell must not leak in.
ENV_VARS = (
    "POWERTOOLS_SERVICE_NAME",
    "POWERTOOLS_LOG_LEVEL",
    "LOG_LEVEL",
    "AWS_LAMBDA_LOG_LEVEL",
    "POWERTOOLS_LOGGER_SAMPLE_RATE",
    "POWERTOOLS_LOGGER_LOG_EVENT",
    "POWERTOOLS_LOG_DEDUPLICATION_DISABLED",
    "POWERTOOLS_DEV",
    "POWERTOOLS_DEBUG",
    "POWERTOOLS_METRICS_NAMESPACE",
    "POWERTOOLS_METRICS_DISABLED",
    "POWERTOOLS_METRICS_FUNCTION_NAME",
    "POWERTOOLS_TRACE_DISABLED",
    "POWERTOOLS_TRACER_CAPTURE_RESPONSE",
    "POWERTOOLS_TRACER_CAPTURE_ERROR",
    "POWERTOOLS_EVENT_HANDLER_DEBUG",
    "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_SAM_LOCAL",
    "AWS_CHALICE_CLI_MODE",
    "LAMBDA_TASK_ROOT",
    "_X_AMZN_TRACE_ID",
    "AWS_LAMBDA_FUNCTION_NAME",
)


@pytest.fixture(autouse=True)
def clean_sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    for flavour in FLAVOURS:
        reset_logger_state(flavour)
        reset_metrics_state(flavour)
    yield
    for flavour in FLAVOURS:
        reset_logger_state(flavour)
        reset_metrics_state(flavour)
