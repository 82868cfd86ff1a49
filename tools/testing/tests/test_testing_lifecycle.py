"""Run an inner pytest session to see the plugin's session-level behaviour from outside."""

import json
import os
import subprocess
import sys
from pathlib import Path

CONFTEST = """
import json, os
import pytest

@pytest.hookimpl(trylast=True)  # after the session fixtures were torn down
def pytest_sessionfinish(session):
    names = ["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_APPCONFIGDATA", "AWS_ACCESS_KEY_ID",
             "AWS_XRAY_DAEMON_ADDRESS"]
    with open("after.json", "w") as f:
        json.dump({name: os.environ.get(name) for name in names}, f)
"""

TESTS = """
import json, os

def test_a_nothing_started_yet():
    assert "AWS_ENDPOINT_URL" not in os.environ  # moto_server is lazy

def test_b_services(moto_server, appconfig_data, redis, xray_daemon):
    with open("pids.json", "w") as f:
        json.dump([moto_server.pid, redis.pid], f)
    assert os.environ["AWS_ACCESS_KEY_ID"] == "testing"
"""


def _run_inner(tmp_path: Path, env: dict[str, str], conftest: str, tests: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "conftest.py").write_text(conftest)
    (tmp_path / "test_inner.py").write_text(tests)
    return subprocess.run(
        # The inner tests are ordered on purpose (a: before any service, b: with them).
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:randomly", "-q", "test_inner.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env["AWS_ACCESS_KEY_ID"] = "outer-value"
    return env


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_services_start_lazily_and_are_cleaned_up(tmp_path: Path) -> None:
    result = _run_inner(tmp_path, _clean_env(), CONFTEST, TESTS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout

    after = json.loads((tmp_path / "after.json").read_text())
    assert after == {
        "AWS_ENDPOINT_URL": None,
        "AWS_ENDPOINT_URL_APPCONFIGDATA": None,
        "AWS_ACCESS_KEY_ID": "outer-value",
        "AWS_XRAY_DAEMON_ADDRESS": None,
    }
    pids = json.loads((tmp_path / "pids.json").read_text())
    assert all(isinstance(pid, int) for pid in pids)
    assert not any(_alive(pid) for pid in pids)


def test_missing_redis_server_fails_with_install_hint(tmp_path: Path) -> None:
    # Pretend no binary exists anywhere, whatever this machine has installed.
    conftest = "import powertools_testing.plugin as plugin\nplugin.find_redis_server = lambda: None\n"
    result = _run_inner(tmp_path, _clean_env(), conftest, "def test_r(redis):\n    pass\n")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "redis-server was not found" in result.stdout
    assert "apt-get install -y redis-server" in result.stdout
    assert "1 error" in result.stdout
    assert "skipped" not in result.stdout
