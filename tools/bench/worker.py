"""Run one workload in one flavour inside this (fresh) interpreter and print a JSON result.

Invoked by the runner as `python -m tools.bench.worker '<spec json>'` from the repo root,
with the interpreter of the flavour (the upstream virtualenv's for "upstream").
"""

from __future__ import annotations

import gc
import json
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tools.bench.adapter import Api, NotAvailableError, is_installed
from tools.bench.workloads import get_workload
from tools.bench.workloads.base import Call, LineSink, Workload

# The largest batch of calls per sample: bounds a sample for calls that are nearly free.
MAX_INNER = 1 << 20


@dataclass(frozen=True)
class Spec:
    workload: str
    flavour: str
    samples: int
    warmup: int
    min_sample_ns: int

    @classmethod
    def from_json(cls, text: str) -> Spec:
        raw = json.loads(text)
        return cls(
            workload=str(raw["workload"]),
            flavour=str(raw["flavour"]),
            samples=int(raw["samples"]),
            warmup=int(raw["warmup"]),
            min_sample_ns=int(raw["min_sample_ns"]),
        )


def build_call(workload: Workload, flavour: str) -> Call:
    if flavour == "bare":
        if workload.bare is None:
            raise NotAvailableError(f"{workload.name} has no bare version")
        return workload.bare()
    if not is_installed(flavour, workload.utility):
        raise NotAvailableError(f"{flavour} {workload.utility} is not installed in {sys.executable}")
    return workload.build(Api(flavour))


def calibrate(call: Call, min_sample_ns: int, clock: Callable[[], int] = time.perf_counter_ns) -> int:
    """The number of calls per sample so that one sample lasts at least `min_sample_ns`."""
    inner = 1
    while inner < MAX_INNER:
        start = clock()
        for _ in range(inner):
            call()
        if clock() - start >= min_sample_ns:
            break
        inner *= 2
    return inner


def measure(call: Call, samples: int, inner: int, clock: Callable[[], int] = time.perf_counter_ns) -> list[float]:
    """Per-call nanoseconds, one value per sample of `inner` calls."""
    per_call: list[float] = []
    for _ in range(samples):
        start = clock()
        for _ in range(inner):
            call()
        per_call.append((clock() - start) / inner)
    return per_call


def run(spec: Spec) -> dict[str, Any]:
    workload = get_workload(spec.workload)
    sink = LineSink()
    real_stdout = sys.stdout
    sys.stdout = sink  # workloads that print (EMF) write here, bounded
    try:
        try:
            call = build_call(workload, spec.flavour)
        except NotAvailableError as exc:
            return {"status": "not available", "reason": str(exc)}
        sink.clear()
        fingerprint = workload.fingerprint(call(), sink.lines())
        for _ in range(spec.warmup):
            call()
        inner = calibrate(call, spec.min_sample_ns)
        # Start from a clean heap so one flavour's garbage does not bill the next; gc stays on, as in Lambda.
        gc.collect()
        samples = measure(call, spec.samples, inner)
    finally:
        sys.stdout = real_stdout
    return {"status": "ok", "inner": inner, "samples_ns": samples, "fingerprint": fingerprint}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tools.bench.worker '<spec json>'", file=sys.stderr)
        return 2
    try:
        result = run(Spec.from_json(argv[0]))
    except Exception as exc:
        # The runner shows the last frames; a broken workload must not stop the whole run.
        tail = "".join(traceback.format_exception(exc)[-3:]).strip()
        result = {"status": "error", "reason": f"{type(exc).__name__}: {exc}", "traceback": tail}
    print(json.dumps(result, default=repr))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
