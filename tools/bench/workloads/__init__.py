"""The workload registry: every module here contributes its WORKLOADS, found by name."""

from __future__ import annotations

from tools.bench.workloads import (
    batch,
    data_classes,
    event_handler,
    feature_flags,
    idempotency,
    logger,
    metrics,
    parameters,
    parser,
    tracer,
    validation,
)
from tools.bench.workloads.base import Workload

_MODULES = (
    logger,
    tracer,
    metrics,
    event_handler,
    data_classes,
    parser,
    validation,
    idempotency,
    batch,
    parameters,
    feature_flags,
)


class UnknownWorkloadError(KeyError):
    """A workload name that no module registers."""


def all_workloads() -> list[Workload]:
    return [workload for module in _MODULES for workload in module.WORKLOADS]


def get_workload(name: str) -> Workload:
    for workload in all_workloads():
        if workload.name == name:
            return workload
    raise UnknownWorkloadError(f"unknown workload {name!r}; known: {[w.name for w in all_workloads()]}")
