"""docs/packages/metrics.md: each example invoked with a frozen clock, the documents it prints checked whole."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest

from powertools.common.typing import LocalLambdaContext
from powertools.metrics.metrics import reset_shared_state
from powertools.metrics.provider import cold_start
from powertools.metrics.provider.datadog.metrics import reset_shared_state as reset_datadog_state

FROZEN_SECONDS = 1_795_910_400  # 2026-11-29T00:00:00Z, the timestamp the page shows


@pytest.fixture(autouse=True)
def _fresh_sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A new Lambda sandbox per test: no metrics settings, nothing recorded, a cold start ahead."""
    for name in (
        "POWERTOOLS_METRICS_NAMESPACE",
        "POWERTOOLS_SERVICE_NAME",
        "POWERTOOLS_METRICS_DISABLED",
        "POWERTOOLS_METRICS_FUNCTION_NAME",
        "POWERTOOLS_DEV",
        "DD_FLUSH_TO_LOG",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(time, "time", lambda: float(FROZEN_SECONDS))
    reset_shared_state()
    reset_datadog_state()
    cold_start.reset_cold_start_flag()
    yield
    reset_shared_state()
    reset_datadog_state()
    cold_start.reset_cold_start_flag()


def printed(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line]


def emf(namespace: str, dimensions: list[str], metrics: list[dict[str, Any]], **members: Any) -> dict[str, Any]:
    directive = {"Namespace": namespace, "Dimensions": [dimensions], "Metrics": metrics}
    return {"_aws": {"Timestamp": FROZEN_SECONDS * 1000, "CloudWatchMetrics": [directive]}, **members}


def test_getting_started_prints_the_documented_document(
    load_example: Any, documented: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    example = load_example("metrics/getting_started.py")
    context = LocalLambdaContext(function_name="booking-api")

    assert example.lambda_handler({"flight": "LH-1"}, context) == {"booked": "LH-1"}

    cold, booking = printed(capsys)
    assert cold == emf(
        "ServerlessAirline",
        ["function_name", "service"],
        [{"Name": "ColdStart", "Unit": "Count"}],
        function_name="booking-api",
        service="booking",
        ColdStart=[1.0],
    )
    assert [booking] == documented("packages/metrics.md", "metrics/getting_started.py")

    example.lambda_handler({"flight": "LH-2"}, context)
    assert printed(capsys) == [booking]  # warm: the one document, no ColdStart


def test_high_resolution_marks_only_its_metric(load_example: Any, capsys: pytest.CaptureFixture[str]) -> None:
    example = load_example("metrics/high_resolution.py")

    assert example.lambda_handler({"base": 10}, LocalLambdaContext()) == {"price": 12.0}

    assert printed(capsys) == [
        emf(
            "Pricing",
            ["service"],
            [
                {"Name": "QuoteLatency", "Unit": "Microseconds", "StorageResolution": 1},
                {"Name": "Quotes", "Unit": "Count"},
            ],
            service="quotes",
            QuoteLatency=[850.0],
            Quotes=[1.0],
        )
    ]


@pytest.mark.parametrize("service", [None, "shop-api"])
def test_single_metric_prints_its_own_document_at_once(
    load_example: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, service: str | None
) -> None:
    if service:
        monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", service)
    example = load_example("metrics/single_metric.py")

    assert example.lambda_handler({"channel": "web", "order_id": "o-1"}, LocalLambdaContext()) == {"refunded": "o-1"}

    service_dimension = {"service": service} if service else {}
    assert printed(capsys) == [
        emf(
            "Shop",
            ["reason", "channel", *service_dimension],
            [{"Name": "Refunds", "Unit": "Count"}],
            reason="damaged",
            channel="web",
            **service_dimension,
            Refunds=[1.0],
        )
    ]


def test_datadog_prints_the_documented_line(
    load_example: Any, documented: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    example = load_example("metrics/datadog.py")

    assert example.lambda_handler({"items": ["latte", "latte"]}, LocalLambdaContext(function_name="cafe")) == {
        "ordered": 2
    }

    cold, orders = printed(capsys)
    assert cold == {"m": "shop.ColdStart", "v": 1, "e": FROZEN_SECONDS, "t": ["env:prod", "function_name:cafe"]}
    assert [orders] == documented("packages/metrics.md", "metrics/datadog.py")
