"""What one invocation printed and sent: log records, EMF metrics, X-Ray segments.

Lambda sends a function's stdout to CloudWatch Logs; Logger and Metrics write there. The
demo swaps ``sys.stdout`` for a :class:`StdoutCapture` before the service is imported (Logger
keeps the stream it was created with) and sorts each invocation's lines back into log
records and EMF documents, the way CloudWatch would.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from typing import Any


class StdoutCapture(io.TextIOBase):
    """A stdout that keeps what is written until :meth:`drain`."""

    def __init__(self) -> None:
        self._parts: list[str] = []

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._parts.append(text)
        return len(text)

    def drain(self) -> str:
        text, self._parts = "".join(self._parts), []
        return text


@dataclass
class Output:
    logs: list[dict[str, Any]] = field(default_factory=list)
    metrics: list[dict[str, Any]] = field(default_factory=list)
    other: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str) -> Output:
        out = cls()
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                document = json.loads(line)
            except ValueError:
                out.other.append(line)
                continue
            if isinstance(document, dict) and "_aws" in document:
                out.metrics.append(document)
            elif isinstance(document, dict):
                out.logs.append(document)
            else:
                out.other.append(line)
        return out


def emf_values(document: dict[str, Any]) -> list[tuple[str, Any, str, dict[str, str]]]:
    """(metric name, value, unit, dimensions) for each metric of an EMF document."""
    found = []
    for directive in document["_aws"]["CloudWatchMetrics"]:
        dimension_names = [name for group in directive["Dimensions"] for name in group]
        dimensions = {name: document[name] for name in dimension_names}
        for metric in directive["Metrics"]:
            value = document[metric["Name"]]
            if isinstance(value, list) and len(value) == 1:  # EMF allows a list of values
                value = value[0]
            found.append((metric["Name"], value, metric.get("Unit", "None"), dimensions))
    return found


def trace_tree(documents: list[dict[str, Any]]) -> list[str]:
    """The subsegments X-Ray received, indented under their parents, with durations."""
    from powertools_testing.xray_daemon import flatten

    entities = flatten(documents)
    by_parent: dict[str | None, list[dict[str, Any]]] = {}
    ids = {entity["id"] for entity in entities}
    for entity in entities:
        parent = entity.get("parent_id") if entity.get("parent_id") in ids else None
        by_parent.setdefault(parent, []).append(entity)
    lines: list[str] = []

    def render(entity: dict[str, Any], depth: int) -> None:
        took = (entity.get("end_time", entity["start_time"]) - entity["start_time"]) * 1000
        notes = []
        if entity.get("annotations"):
            notes.append("annotations " + json.dumps(entity["annotations"], sort_keys=True))
        if entity.get("fault") or entity.get("error"):
            notes.append("FAULT" if entity.get("fault") else "error")
        suffix = f"  [{'; '.join(notes)}]" if notes else ""
        lines.append(f"{'  ' * depth}{entity['name']}  {took:.1f} ms{suffix}")
        for child in sorted(by_parent.get(entity["id"], []), key=lambda e: e["start_time"]):
            render(child, depth + 1)

    for root in sorted(by_parent.get(None, []), key=lambda e: e["start_time"]):
        render(root, 0)
    return lines
