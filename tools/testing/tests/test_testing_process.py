import os
import sys
from pathlib import Path

import pytest

from powertools_testing.process import ManagedProcess, start_with_port_retry
from powertools_testing.util import ServiceError


def _python(tmp_path: Path, code: str) -> ManagedProcess:
    return ManagedProcess("probe-me", [sys.executable, "-c", code], tmp_path)


def test_early_exit_reports_code_and_output(tmp_path: Path) -> None:
    process = _python(tmp_path, "import sys; sys.stderr.write('boom: bad flag'); sys.exit(3)")
    process.start()
    with pytest.raises(ServiceError) as exc:
        process.wait_ready(lambda: False, timeout=10)
    assert "probe-me exited with code 3" in str(exc.value)
    assert "boom: bad flag" in str(exc.value)
    process.stop()


def test_timeout_stops_the_process_and_reports_output(tmp_path: Path) -> None:
    process = _python(tmp_path, "import time; print('starting', flush=True); time.sleep(60)")
    process.start()
    pid = process.pid
    assert pid is not None
    with pytest.raises(ServiceError, match=r"(?s)not ready after 1s.*starting"):
        process.wait_ready(lambda: False, timeout=1)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # terminated and reaped


def test_missing_binary_is_a_service_error(tmp_path: Path) -> None:
    with pytest.raises(ServiceError, match="could not run"):
        ManagedProcess("ghost", [str(tmp_path / "no-such-binary")], tmp_path).start()


def test_port_retry_only_on_address_in_use(tmp_path: Path) -> None:
    attempts: list[int] = []

    def make() -> ManagedProcess:
        attempts.append(len(attempts))
        return _python(tmp_path, "import time; time.sleep(60)")

    def ready(process: ManagedProcess) -> None:
        if len(attempts) == 1:
            raise ServiceError("bind: Address already in use")

    process = start_with_port_retry(make, ready)
    process.stop()
    assert len(attempts) == 2

    def never_ready(process: ManagedProcess) -> None:
        raise ServiceError("crashed")

    attempts.clear()
    with pytest.raises(ServiceError, match="crashed"):
        start_with_port_retry(make, never_ready)
    assert len(attempts) == 1
