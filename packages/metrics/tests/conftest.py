"""Fixtures for the metrics tests: a clean sandbox, a frozen clock, and an EMF reader.

The reader does what CloudWatch does with a log line: validate it against the EMF JSON Schema
(emf_schema.json, written from AWS's specification), then follow each metric directive to the
target members at the root and recover the metrics (namespace, name, unit, resolution,
dimensions, values). Tests compare what they added with what comes back.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from powertools.metrics.metrics import reset_shared_state
from powertools.metrics.provider import cold_start
from powertools.metrics.provider.datadog.metrics import reset_shared_state as reset_datadog_state

SCHEMA = json.loads((Path(__file__).parent / "emf_schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
METRIC_VALUE = jsonschema.Draft202012Validator({"$defs": SCHEMA["$defs"], "$ref": "#/$defs/MetricValue"})

# 2026-11-29T00:00:00Z, in seconds and milliseconds.
FROZEN_SECONDS = 1_795_910_400
FROZEN_MS = FROZEN_SECONDS * 1000

ENV_VARS = (
    "POWERTOOLS_METRICS_NAMESPACE",
    "POWERTOOLS_SERVICE_NAME",
    "POWERTOOLS_METRICS_DISABLED",
    "POWERTOOLS_METRICS_FUNCTION_NAME",
    "POWERTOOLS_DEV",
    "DD_FLUSH_TO_LOG",
)


@dataclass(frozen=True)
class RecoveredMetric:
    """One metric as CloudWatch would store it from an EMF document."""

    namespace: str
    name: str
    unit: str
    resolution: int
    dimensions: dict[str, str]
    values: list[float]
    timestamp: int = field(compare=False)


def read_emf(document: dict[str, Any]) -> list[RecoveredMetric]:
    """Validate one EMF document and recover the metrics it defines."""
    VALIDATOR.validate(document)
    aws = document["_aws"]
    recovered = []
    for directive in aws["CloudWatchMetrics"]:
        dimension_sets = directive["Dimensions"] or [[]]
        for definition in directive["Metrics"]:
            name = definition["Name"]
            assert name in document, f"metric {name!r} has no value at the root"
            METRIC_VALUE.validate(document[name])
            raw = document[name]
            values = [float(v) for v in raw] if isinstance(raw, list) else [float(raw)]
            for keys in dimension_sets:
                dimensions = {}
                for key in keys:
                    assert key in document, f"dimension {key!r} has no value at the root"
                    assert isinstance(document[key], str), f"dimension {key!r} is not a string"
                    assert key not in {d["Name"] for d in directive["Metrics"]}, f"{key!r} is metric and dimension"
                    dimensions[key] = document[key]
                recovered.append(
                    RecoveredMetric(
                        namespace=directive["Namespace"],
                        name=name,
                        unit=definition.get("Unit", "None"),
                        resolution=definition.get("StorageResolution", 60),
                        dimensions=dimensions,
                        values=values,
                        timestamp=aws["Timestamp"],
                    )
                )
    return recovered


class EMFOutput:
    """Everything printed to stdout, decoded as a sequence of JSON documents (compact or indented)."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self._capsys = capsys
        self._text = ""

    @property
    def text(self) -> str:
        self._text += self._capsys.readouterr().out
        return self._text

    def clear(self) -> None:
        """Forget what was printed so far."""
        self._capsys.readouterr()
        self._text = ""

    def documents(self) -> list[dict[str, Any]]:
        decoder = json.JSONDecoder()
        text, position, documents = self.text, 0, []
        while True:
            while position < len(text) and text[position].isspace():
                position += 1
            if position == len(text):
                return documents
            document, position = decoder.raw_decode(text, position)
            documents.append(document)

    def emf_documents(self) -> list[dict[str, Any]]:
        """The documents, each checked against the EMF schema and the cross-member rules."""
        documents = self.documents()
        for document in documents:
            read_emf(document)
        return documents

    def metrics(self) -> list[RecoveredMetric]:
        return [metric for document in self.documents() for metric in read_emf(document)]


@pytest.fixture(autouse=True)
def fresh_sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts like a new Lambda sandbox: no settings, no recorded metrics, cold."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    reset_shared_state()
    reset_datadog_state()
    cold_start.reset_cold_start_flag()
    yield
    reset_shared_state()
    reset_datadog_state()
    cold_start.reset_cold_start_flag()


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> int:
    """time.time() returns 2026-11-29T00:00:00Z; returns that instant in epoch milliseconds."""
    monkeypatch.setattr(time, "time", lambda: float(FROZEN_SECONDS))
    return FROZEN_MS


@pytest.fixture
def emf_out(capsys: pytest.CaptureFixture[str]) -> EMFOutput:
    return EMFOutput(capsys)


@pytest.fixture
def recovered() -> type[RecoveredMetric]:
    """The RecoveredMetric class, to write expected metrics (conftest isn't importable by tests)."""
    return RecoveredMetric
