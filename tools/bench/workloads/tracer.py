"""A method decorated with capture_method while tracing is disabled (as in unit tests and local runs)."""

from __future__ import annotations

from tools.bench.adapter import Api
from tools.bench.workloads.base import Call, Target, Workload


def build(api: Api) -> Call:
    tracer = api.get("tracer", "Tracer")(service="bench")

    @tracer.capture_method
    def add(a: int, b: int) -> int:
        return a + b

    return lambda: add(1, 2)


def bare() -> Call:
    def add(a: int, b: int) -> int:
        return a + b

    return lambda: add(1, 2)


WORKLOADS = [
    Workload(
        name="tracer.capture_method (disabled)",
        utility="tracer",
        description="call a capture_method-decorated function with POWERTOOLS_TRACE_DISABLED=true",
        build=build,
        bare=bare,
        target=Target(1.2, "bare"),
        env={"POWERTOOLS_TRACE_DISABLED": "true"},
    ),
]
