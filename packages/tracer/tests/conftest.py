"""Lambda's environment, emulated around the shared X-Ray daemon capture.

The X-Ray SDK picks its Lambda mode and daemon address when ``xray_recorder`` is
created, which may have happened before this test set the environment; the
``lambda_env`` fixture re-applies both to the global recorder, as a cold
Lambda process would have them from the start (test_tracer_subprocess.py proves that path).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from powertools.tracer import Tracer
from powertools_testing.xray_daemon import XRayDaemon

_ENV_TO_CLEAR = (
    "POWERTOOLS_TRACE_DISABLED",
    "POWERTOOLS_TRACER_CAPTURE_RESPONSE",
    "POWERTOOLS_TRACER_CAPTURE_ERROR",
    "POWERTOOLS_SERVICE_NAME",
    "POWERTOOLS_DEV",
    "AWS_SAM_LOCAL",
    "AWS_CHALICE_CLI_MODE",
    "LAMBDA_TASK_ROOT",
    "_X_AMZN_TRACE_ID",
)


def new_trace_header() -> tuple[str, str, str]:
    """(header, root trace id, parent id) for a fresh sampled invocation."""
    root = f"1-{os.urandom(4).hex()}-{os.urandom(12).hex()}"
    parent = os.urandom(8).hex()
    return f"Root={root};Parent={parent};Sampled=1", root, parent


VOLATILE = ("id", "start_time", "end_time", "parent_id", "trace_id")


def _stable(document: dict[str, Any]) -> dict[str, Any]:
    """The document without the random ids and clock times (checked separately)."""
    out = {k: v for k, v in document.items() if k not in VOLATILE}
    if "cause" in out:
        out["cause"] = {
            "working_directory": out["cause"]["working_directory"],
            "exceptions": [{k: v for k, v in e.items() if k != "id"} for e in out["cause"]["exceptions"]],
        }
    return out


def _by_name(documents: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {d["name"]: d for d in documents}


@dataclass
class LambdaEnv:
    daemon: XRayDaemon
    monkeypatch: pytest.MonkeyPatch
    trace_id: str = ""
    parent_id: str = ""

    def new_invocation(self) -> None:
        """What the Lambda runtime does before each invocation: a new trace header."""
        header, self.trace_id, self.parent_id = new_trace_header()
        self.monkeypatch.setenv("_X_AMZN_TRACE_ID", header)

    # Test modules can't import helpers under --import-mode=importlib; they reach them here.
    stable = staticmethod(_stable)
    by_name = staticmethod(_by_name)


# The global recorder's streaming threshold before Tracer set it to 0 (the SDK's default is 30).
SDK_DEFAULT_STREAMING_THRESHOLD = 30


@pytest.fixture(autouse=True)
def _fresh_tracer(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    import sys

    for name in _ENV_TO_CLEAR:
        monkeypatch.delenv(name, raising=False)
    Tracer._reset_config()
    threshold = SDK_DEFAULT_STREAMING_THRESHOLD
    if "aws_xray_sdk.core" in sys.modules:
        from aws_xray_sdk.core import xray_recorder

        threshold = xray_recorder.streaming_threshold
    yield
    Tracer._reset_config()
    if "aws_xray_sdk" in sys.modules:
        # Process-wide SDK state Tracer changes: put it back so tests elsewhere see the SDK as
        # they would in a fresh process (a disabled tracer's escape hatch turns the SDK off;
        # Lambda mode streams every subsegment).
        from aws_xray_sdk import global_sdk_config
        from aws_xray_sdk.core import xray_recorder

        global_sdk_config.set_sdk_enabled(True)
        xray_recorder.configure(streaming_threshold=threshold)


@pytest.fixture
def lambda_env(xray_daemon: XRayDaemon, monkeypatch: pytest.MonkeyPatch) -> Iterator[LambdaEnv]:
    from aws_xray_sdk.core import xray_recorder
    from aws_xray_sdk.core.lambda_launcher import LambdaContext

    monkeypatch.setenv("LAMBDA_TASK_ROOT", "/var/task")
    env = LambdaEnv(xray_daemon, monkeypatch)
    env.new_invocation()
    previous_context = xray_recorder.context
    xray_recorder.configure(daemon_address=xray_daemon.address, context=LambdaContext())
    try:
        yield env
    finally:
        xray_recorder.context = previous_context
