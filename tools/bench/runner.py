"""Run every workload in a fresh subprocess per flavour, alternating flavours so drift cancels."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tools.bench.stats import Summary, summarize
from tools.bench.workloads.base import Workload

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKER_TIMEOUT_S = 300
# Inherited variables that would change what a library does between flavours.
# PYTHONDONTWRITEBYTECODE too: cold starts are measured with .pyc files, as a deployment package
# built by pip has them; without them each run would time compiling every module from source.
SCRUBBED_ENV = (
    "_X_AMZN_TRACE_ID",
    "POWERTOOLS_DEV",
    "POWERTOOLS_DEBUG",
    "POWERTOOLS_TRACE_DISABLED",
    "PYTHONDONTWRITEBYTECODE",
    "PYTHONPATH",
)


@dataclass(frozen=True)
class Settings:
    rounds: int
    samples: int
    warmup: int
    min_sample_ns: int


QUICK = Settings(rounds=2, samples=7, warmup=20, min_sample_ns=2_000_000)
FULL = Settings(rounds=4, samples=15, warmup=200, min_sample_ns=10_000_000)


@dataclass(frozen=True)
class Slot:
    round: int
    workload: str
    flavour: str


def schedule(workloads: Sequence[str], flavours: Sequence[str], rounds: int) -> list[Slot]:
    """Rounds of every workload; flavour order flips between consecutive workloads and rounds.

    Over an even number of rounds each flavour runs first as often as last for every workload,
    so slow drift of the machine (thermal, other load) adds to every flavour alike.
    """
    slots: list[Slot] = []
    for round_index in range(rounds):
        for workload_index, workload in enumerate(workloads):
            order = list(flavours) if (round_index + workload_index) % 2 == 0 else list(reversed(flavours))
            slots.extend(Slot(round_index, workload, flavour) for flavour in order)
    return slots


@dataclass
class FlavourResult:
    status: str = "ok"
    reason: str = ""
    samples_ns: list[float] = field(default_factory=list)
    fingerprint: Any = None
    summary: Summary | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "reason": self.reason,
            "summary": self.summary.to_json() if self.summary else None,
            "fingerprint": self.fingerprint,
        }


@dataclass
class WorkloadResult:
    workload: Workload
    flavours: dict[str, FlavourResult]

    def summary(self, flavour: str) -> Summary | None:
        result = self.flavours.get(flavour)
        return result.summary if result else None

    def same_result(self) -> bool | None:
        """Whether every flavour that ran produced the same fingerprint (None when fewer than two ran)."""
        prints = [json.dumps(r.fingerprint, sort_keys=True) for r in self.flavours.values() if r.status == "ok"]
        return None if len(prints) < 2 else len(set(prints)) == 1


def worker_command(python: str, spec: Mapping[str, Any]) -> list[str]:
    return [python, "-m", "tools.bench.worker", json.dumps(dict(spec))]


def worker_env(workload: Workload) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env.update(workload.env)
    return env


def launch(python: str, spec: Mapping[str, Any], env: Mapping[str, str]) -> dict[str, Any]:
    """Run one worker; any failure of the process itself becomes an "error" result."""
    try:
        done = subprocess.run(
            worker_command(python, spec),
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
            env=dict(env),
            timeout=WORKER_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return {"status": "error", "reason": f"worker did not finish: {exc}"}
    last_line = done.stdout.strip().splitlines()[-1:] or [""]
    try:
        result = json.loads(last_line[0])
    except ValueError:
        stderr_tail = " / ".join(done.stderr.strip().splitlines()[-3:])
        return {"status": "error", "reason": f"worker exited {done.returncode} without a result: {stderr_tail}"}
    return result if isinstance(result, dict) else {"status": "error", "reason": "worker printed a non-object"}


Launcher = Callable[[str, Mapping[str, Any], Mapping[str, str]], dict[str, Any]]


def run_workloads(
    workloads: Sequence[Workload],
    interpreters: Mapping[str, str | None],
    settings: Settings,
    unavailable: Mapping[str, str] | None = None,
    launcher: Launcher = launch,
    progress: Callable[[str], None] | None = None,
) -> list[WorkloadResult]:
    """`interpreters` maps flavour -> python executable (None: flavour not available, `unavailable` says why)."""
    flavours = list(interpreters)
    results = {w.name: WorkloadResult(w, {f: FlavourResult() for f in flavours}) for w in workloads}
    by_name = {w.name: w for w in workloads}
    for slot in schedule([w.name for w in workloads], flavours, settings.rounds):
        outcome = results[slot.workload].flavours[slot.flavour]
        if outcome.status != "ok":
            continue  # not available or broken in an earlier round: don't retry every round
        python = interpreters[slot.flavour]
        if python is None:
            outcome.status = "not available"
            outcome.reason = (unavailable or {}).get(slot.flavour, f"no interpreter for {slot.flavour}")
            continue
        if progress:
            progress(f"round {slot.round + 1}/{settings.rounds}  {slot.workload}  [{slot.flavour}]")
        spec = {
            "workload": slot.workload,
            "flavour": slot.flavour,
            "samples": settings.samples,
            "warmup": settings.warmup,
            "min_sample_ns": settings.min_sample_ns,
        }
        reply = launcher(python, spec, worker_env(by_name[slot.workload]))
        if reply.get("status") != "ok":
            outcome.status = str(reply.get("status", "error"))
            outcome.reason = str(reply.get("reason", ""))
            outcome.samples_ns.clear()
            continue
        outcome.samples_ns.extend(float(s) for s in reply["samples_ns"])
        outcome.fingerprint = reply.get("fingerprint")
    for result in results.values():
        for outcome in result.flavours.values():
            if outcome.status == "ok" and outcome.samples_ns:
                outcome.summary = summarize(outcome.samples_ns)
    return list(results.values())
