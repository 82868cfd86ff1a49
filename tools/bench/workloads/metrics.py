"""A log_metrics handler adding 2 dimensions and 10 metrics, flushed as one EMF document."""

from __future__ import annotations

import json
import time
from typing import Any

from tools.bench.adapter import Api
from tools.bench.workloads._support import CONTEXT, last_json_line
from tools.bench.workloads.base import Call, Target, Workload

DIMENSIONS = {"environment": "prod", "region": "us-east-1"}
METRIC_NAMES = [f"metric{i}" for i in range(10)]


def build(api: Api) -> Call:
    metrics_module = api.module("metrics")
    metrics = metrics_module.Metrics(namespace="Bench", service="bench")
    count = metrics_module.MetricUnit.Count

    @metrics.log_metrics
    def handler(event: dict[str, Any], context: Any) -> dict[str, bool]:
        for name, value in DIMENSIONS.items():
            metrics.add_dimension(name=name, value=value)
        for index, name in enumerate(METRIC_NAMES):
            metrics.add_metric(name=name, unit=count, value=index)
        return {"ok": True}

    return lambda: handler({}, CONTEXT)


def bare() -> Call:
    def handler(event: dict[str, Any], context: Any) -> dict[str, bool]:
        dimensions = {**DIMENSIONS, "service": "bench"}
        values = {name: [float(index)] for index, name in enumerate(METRIC_NAMES)}
        document = {
            "_aws": {
                "Timestamp": int(time.time() * 1000),
                "CloudWatchMetrics": [
                    {
                        "Namespace": "Bench",
                        "Dimensions": [list(dimensions)],
                        "Metrics": [{"Name": name, "Unit": "Count"} for name in values],
                    }
                ],
            },
            **dimensions,
            **values,
        }
        print(json.dumps(document, separators=(",", ":")))
        return {"ok": True}

    return lambda: handler({}, CONTEXT)


def fingerprint(result: Any, lines: list[str]) -> dict[str, Any]:
    document = last_json_line(lines)
    document["_aws"].pop("Timestamp")
    return {"returned": result, "emf": document}


WORKLOADS = [
    Workload(
        name="metrics.flush",
        utility="metrics",
        description="log_metrics handler: 2 dimensions + 10 metrics, one EMF document printed",
        build=build,
        bare=bare,
        fingerprint=fingerprint,
        target=Target(0.4),
    ),
]
