"""The demo, end to end through the same code path as ``hatch run demo``."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def test_the_demo_runs_every_step_and_exits_0() -> None:
    # A fresh interpreter, as the command runs: the demo sets Lambda-like environment
    # variables and imports the example functions, which must not leak into this session.
    done = subprocess.run(
        [sys.executable, "-m", "tools.demo"], cwd=ROOT, capture_output=True, text=True, timeout=240, check=False
    )
    out = done.stdout
    assert done.returncode == 0, out + done.stderr
    for step in (
        "1. Create an order",
        "2. The client retries the create (same Idempotency-Key)",
        "3. Read it back",
        "4. Reject an invalid order",
        "5. Turn on express shipping",
        "6. Fulfil the queued order lines",
        "7. Fetch the API's OpenAPI document",
    ):
        assert step in out
    assert "✘" not in out
    assert out.count("✔") >= 20
    assert "only the poison message is left in the queue" in out
    assert "still one order stored (nothing charged twice)" in out
    assert "Shop/OrderRetryAnswered = 1.0 Count" in out
    assert "Shop/OrderCreated = 1.0 Count" in out
    assert "## orders_api.create_order" in out
    # The event handler's own validation answers, in upstream's error body.
    assert '← 422  {"statusCode":422,"detail":[{"loc":["body","lines",0,"quantity"],"type":"greater_than"}]}' in out
    assert '{"loc":["path","order_id"],"type":"uuid_parsing"}' in out
    assert "OpenAPI 3.1.0 'Orders API': paths GET /orders/{order_id}, GET /orders, POST /orders;" in out
    assert '{"loc":["query","limit"],"type":"greater_than_equal"}' in out
    assert "✔ a valid OpenAPI document (openapi-spec-validator)" in out
    assert "sk_demo_" not in out  # the seeded secret never shows
    assert out.rstrip().splitlines()[-1].startswith("All steps behaved as expected")


def test_a_failed_check_names_its_step_and_exits_1(monkeypatch: pytest.MonkeyPatch) -> None:
    from tools.demo import __main__ as demo
    from tools.demo.scenario import Demo

    def run(self: Demo) -> list[str]:
        self.step(1, "Create an order")
        self.check(False, "201 Created")
        return self.failures

    monkeypatch.setattr(Demo, "run", run)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert demo.main([]) == 1
    text = out.getvalue()
    assert "FAILED after" in text
    assert "step 1. Create an order: 201 Created" in text
