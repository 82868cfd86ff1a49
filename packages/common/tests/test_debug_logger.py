import logging
import os
import subprocess
import sys

import pytest

from powertools.common.debug import DebugLogger, get_debug_logger


def _run(code: str, env_debug: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "POWERTOOLS_DEBUG"}
    if env_debug is not None:
        env["POWERTOOLS_DEBUG"] = env_debug
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)


LOG_ONE = (
    "from powertools.common.debug import get_debug_logger\n"
    "get_debug_logger('powertools.demo').debug('hello from the library')\n"
)


def test_debug_logger_is_silent_by_default() -> None:
    result = _run(LOG_ONE)
    assert result.stderr == ""
    assert result.stdout == ""


def test_powertools_debug_turns_on_stderr_output() -> None:
    result = _run(LOG_ONE, "true")
    assert "powertools.demo DEBUG hello from the library" in result.stderr


def test_logging_is_not_imported_until_a_record_could_be_seen() -> None:
    code = (
        "import sys\n"
        "from powertools.common.debug import get_debug_logger\n"
        "log = get_debug_logger('demo')\n"
        "log.debug('nobody can see this')\n"
        "print('logging' in sys.modules)\n"
    )
    assert _run(code).stdout == "False\n"
    assert _run(code, "true").stdout == "True\n"


def test_records_reach_handlers_once_logging_is_loaded(caplog: pytest.LogCaptureFixture) -> None:
    log = get_debug_logger("powertools.debug_test")
    with caplog.at_level(logging.DEBUG, logger="powertools.debug_test"):
        log.debug("first %s", "call")
        log.warning("second")
    records = [(r.name, r.levelname, r.getMessage(), r.funcName) for r in caplog.records]
    name = "test_records_reach_handlers_once_logging_is_loaded"
    assert records == [
        ("powertools.debug_test", "DEBUG", "first call", name),
        ("powertools.debug_test", "WARNING", "second", name),
    ]


def test_names_are_rooted_under_powertools() -> None:
    assert get_debug_logger("logger.formatter").name == "powertools.logger.formatter"
    log = get_debug_logger("powertools.x")
    assert isinstance(log, DebugLogger)
    # anything beyond the level methods is the real logger's
    assert log.getEffectiveLevel() == logging.getLogger("powertools.x").getEffectiveLevel()
    assert log.isEnabledFor(logging.CRITICAL)
