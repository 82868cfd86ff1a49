"""Shared helper for the docs examples' tests: load an example module from its file.

The examples are plain files included into the docs pages, not a package, so each test loads
the one it checks by path (a fresh module every time: module-level state never leaks between
tests). The guard test tools/guards/tests/test_guard_docs_examples.py relies on every test
naming its example's path, relative to docs/examples, as a string literal.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from powertools_testing.xray_daemon import XRayDaemon

EXAMPLES = Path(__file__).resolve().parent.parent


@pytest.fixture
def load_example() -> Iterator[Callable[[str], ModuleType]]:
    loaded: list[str] = []

    def load(relative_path: str) -> ModuleType:
        path = EXAMPLES / relative_path
        name = "docs_example_" + relative_path.removesuffix(".py").replace("/", "_")
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None, f"no example at {path}"
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses and pydantic look their module up by name
        loaded.append(name)
        spec.loader.exec_module(module)
        return module

    yield load
    for name in loaded:
        sys.modules.pop(name, None)


def documented_json(page: str, example: str) -> list[Any]:
    """The JSON shown in ``docs/<page>`` in the first ```json fence after the include of ``example``.

    One document per line (a log stream), or one indented document; tests compare it with what
    the example really printed, so the page can't show output the code doesn't produce.
    """
    text = (EXAMPLES.parent / page).read_text()
    start = text.index(f'--8<-- "docs/examples/{example}"')
    fence = text.index("```json\n", start) + len("```json\n")
    body = text[fence : text.index("```", fence)]
    try:
        return [json.loads(body)]
    except json.JSONDecodeError:
        return [json.loads(line) for line in body.splitlines() if line.strip()]


@pytest.fixture
def documented() -> Callable[[str, str], list[Any]]:
    return documented_json


# --- X-Ray, as in Lambda ----------------------------------------------------------------
#
# The X-Ray SDK streams every subsegment to the daemon address as its own UDP datagram; the
# plugin's ``xray_daemon`` fixture receives them. Lambda's own segment is the facade the SDK
# builds from the trace header the runtime sets before each invocation (``_X_AMZN_TRACE_ID``).

VOLATILE = ("id", "start_time", "end_time", "parent_id", "trace_id")


class Lambda:
    """The parts of the Lambda runtime the tracer sees: the task root and a trace header per invocation."""

    def __init__(self, daemon: XRayDaemon, monkeypatch: pytest.MonkeyPatch) -> None:
        self.daemon = daemon
        self.monkeypatch = monkeypatch
        self.trace_id = self.parent_id = ""

    def new_invocation(self) -> None:
        self.daemon.clear()
        self.trace_id = f"1-{os.urandom(4).hex()}-{os.urandom(12).hex()}"
        self.parent_id = os.urandom(8).hex()
        self.monkeypatch.setenv("_X_AMZN_TRACE_ID", f"Root={self.trace_id};Parent={self.parent_id};Sampled=1")

    def documents(self, count: int) -> dict[str, dict[str, Any]]:
        """The ``count`` documents of this invocation by name, ids and clock times checked and removed."""
        received = self.received(count)
        return {d["name"]: {k: v for k, v in d.items() if k not in VOLATILE} for d in received}

    def received(self, count: int, timeout: float = 5.0) -> list[dict[str, Any]]:
        """Exactly ``count`` documents of the current trace (datagrams arrive on another thread)."""
        deadline = time.monotonic() + timeout
        while True:
            received = [d for d in self.daemon.documents() if d.get("trace_id") == self.trace_id]
            if len(received) >= count or time.monotonic() > deadline:
                break
            time.sleep(0.01)
        time.sleep(0.05)  # a straggler would show up as one document too many
        received = [d for d in self.daemon.documents() if d.get("trace_id") == self.trace_id]
        assert len(received) == count, [d["name"] for d in received]
        return received

    def parents(self) -> dict[str, str]:
        """Each document's name -> its parent's name (Lambda's segment shows as "lambda")."""
        received = [d for d in self.daemon.documents() if d.get("trace_id") == self.trace_id]
        names = {d["id"]: d["name"] for d in received} | {self.parent_id: "lambda"}
        return {d["name"]: names[d["parent_id"]] for d in received}


@pytest.fixture
def in_lambda(xray_daemon: XRayDaemon, monkeypatch: pytest.MonkeyPatch) -> Iterator[Lambda]:
    from aws_xray_sdk.core import xray_recorder
    from aws_xray_sdk.core.lambda_launcher import LambdaContext

    monkeypatch.setenv("LAMBDA_TASK_ROOT", "/var/task")
    runtime = Lambda(xray_daemon, monkeypatch)
    runtime.new_invocation()
    previous = xray_recorder.context, xray_recorder.streaming_threshold
    # The recorder picks Lambda mode, the daemon address and (in Lambda) a streaming threshold of
    # 0 when first created; a cold Lambda process has all three from the start.
    xray_recorder.configure(daemon_address=xray_daemon.address, context=LambdaContext(), streaming_threshold=0)
    try:
        yield runtime
    finally:
        xray_recorder.context, xray_recorder.streaming_threshold = previous
