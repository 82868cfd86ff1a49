"""Reliability suite plumbing: the ledger follows each test, and the summary is written at the end."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tools.reliability import summary
from tools.reliability.ledger import LEDGER

# Settings any package reads from the environment; a developer's shell must not leak in.
ENV_VARS = (
    "POWERTOOLS_SERVICE_NAME",
    "POWERTOOLS_LOG_LEVEL",
    "LOG_LEVEL",
    "AWS_LAMBDA_LOG_LEVEL",
    "POWERTOOLS_LOGGER_LOG_EVENT",
    "POWERTOOLS_DEV",
    "POWERTOOLS_DEBUG",
    "POWERTOOLS_METRICS_NAMESPACE",
    "POWERTOOLS_METRICS_DISABLED",
    "POWERTOOLS_TRACE_DISABLED",
    "POWERTOOLS_EVENT_HANDLER_DEBUG",
    "POWERTOOLS_PARAMETERS_MAX_AGE",
    "_X_AMZN_TRACE_ID",
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "reliability_long: the long reliability runs (more fuzz cases, longer load); .ci/run selects them"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The long runs only when asked for: ``-m reliability_long`` (as .ci/run does) or RELIABILITY_LONG=1."""
    if config.option.markexpr or os.environ.get("RELIABILITY_LONG") == "1":
        return
    long_runs = [item for item in items if item.get_closest_marker("reliability_long")]
    if long_runs:
        config.hook.pytest_deselected(items=long_runs)
        items[:] = [item for item in items if not item.get_closest_marker("reliability_long")]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    LEDGER.current_test = item.nodeid


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" or (report.when == "setup" and report.failed):
        LEDGER.finish(item.nodeid, passed=report.passed, xfailed=hasattr(report, "wasxfail"))


def pytest_sessionfinish(session: pytest.Session) -> None:
    if LEDGER.rows:
        summary.write(LEDGER, publish=os.environ.get("RELIABILITY_PUBLISH") == "1")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if LEDGER.rows:
        terminalreporter.write_sep("-", "reliability summary")
        terminalreporter.write_line(summary.render(LEDGER))
        terminalreporter.write_line(f"(written to {summary.BUILD_FILE})")
