import logging
import subprocess
import sys


def _run(env_debug: str | None) -> subprocess.CompletedProcess[str]:
    code = (
        "from powertools.common.debug import get_debug_logger\n"
        "get_debug_logger('powertools.demo').debug('hello from the library')\n"
    )
    import os

    env = {k: v for k, v in os.environ.items() if k != "POWERTOOLS_DEBUG"}
    if env_debug is not None:
        env["POWERTOOLS_DEBUG"] = env_debug
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)


def test_debug_logger_is_silent_by_default() -> None:
    result = _run(None)
    assert result.stderr == ""
    assert result.stdout == ""


def test_powertools_debug_turns_on_stderr_output() -> None:
    result = _run("true")
    assert "powertools.demo DEBUG hello from the library" in result.stderr


def test_names_are_rooted_under_powertools() -> None:
    from powertools.common.debug import get_debug_logger

    assert get_debug_logger("logger.formatter").name == "powertools.logger.formatter"
    assert isinstance(get_debug_logger("powertools.x"), logging.Logger)
