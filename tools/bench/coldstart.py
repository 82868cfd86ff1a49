"""Cold start: a fresh interpreter importing each utility's entry point, minus `python -c pass`."""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tools.bench.runner import REPO_ROOT, SCRUBBED_ENV
from tools.bench.stats import Summary, summarize

BASELINE = "pass"
TOP_IMPORTS = 6
PROCESS_TIMEOUT_S = 120
_IMPORTTIME = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S.*)$")


@dataclass(frozen=True)
class Probe:
    """One timed program: `code` run by `python`. `key` identifies it (package name + flavour, or baseline)."""

    key: str
    python: str
    code: str


@dataclass(frozen=True)
class ImportEntry:
    """One line of `-X importtime`: microseconds in the module itself and including its imports."""

    module: str
    self_us: int
    cumulative_us: int
    depth: int


@dataclass
class ProbeResult:
    status: str = "ok"
    reason: str = ""
    samples_ns: list[float] = field(default_factory=list)
    top_imports: list[ImportEntry] = field(default_factory=list)

    def summary(self) -> Summary | None:
        return summarize(self.samples_ns) if self.status == "ok" and self.samples_ns else None


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}


Runner = Callable[[list[str]], "subprocess.CompletedProcess[str]"]


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, capture_output=True, text=True, cwd=REPO_ROOT, env=_env(), timeout=PROCESS_TIMEOUT_S, check=False
    )


def parse_importtime(stderr: str, ignore: frozenset[str] = frozenset(), top: int = TOP_IMPORTS) -> list[ImportEntry]:
    """The `top` entries of `-X importtime` output by cumulative microseconds, minus modules in `ignore`."""
    entries = []
    for line in stderr.splitlines():
        match = _IMPORTTIME.match(line)
        if match and match.group(4) not in ignore:
            self_us, cumulative_us, indent, module = match.groups()
            entries.append(ImportEntry(module, int(self_us), int(cumulative_us), len(indent)))
    entries.sort(key=lambda entry: entry.cumulative_us, reverse=True)
    # A package and its same-named submodule can both appear; keep each name's largest entry.
    unique: dict[str, ImportEntry] = {}
    for entry in entries:
        unique.setdefault(entry.module, entry)
    return list(unique.values())[:top]


def _imported_modules(stderr: str) -> frozenset[str]:
    return frozenset(m.group(4) for m in map(_IMPORTTIME.match, stderr.splitlines()) if m)


def measure(
    probes: Sequence[Probe],
    runs: int,
    progress: Callable[[str], None] | None = None,
    run: Runner = _run,
    clock: Callable[[], int] = time.perf_counter_ns,
) -> dict[str, ProbeResult]:
    """Time every probe `runs` times, alternating the order each run; then one -X importtime pass each."""
    results = {probe.key: ProbeResult() for probe in probes}
    # A first untimed run of each: writes .pyc files, and finds the probes that cannot run at all.
    for probe in probes:
        done = run([probe.python, "-c", probe.code])
        if done.returncode != 0:
            results[probe.key].status = "error"
            results[probe.key].reason = " / ".join(done.stderr.strip().splitlines()[-2:])
    live = [probe for probe in probes if results[probe.key].status == "ok"]
    for index in range(runs):
        if progress:
            progress(f"cold start run {index + 1}/{runs} ({len(live)} programs)")
        for probe in live if index % 2 == 0 else reversed(live):
            start = clock()
            run([probe.python, "-c", probe.code])
            results[probe.key].samples_ns.append(float(clock() - start))
    baselines: dict[str, frozenset[str]] = {}
    for probe in live:
        if probe.python not in baselines:
            baselines[probe.python] = _imported_modules(run([probe.python, "-X", "importtime", "-c", BASELINE]).stderr)
        if probe.code != BASELINE:
            stderr = run([probe.python, "-X", "importtime", "-c", probe.code]).stderr
            results[probe.key].top_imports = parse_importtime(stderr, baselines[probe.python])
    return results


def net_ms(result: ProbeResult | None, baseline: ProbeResult | None) -> float | None:
    """Median import wall time minus the interpreter's median `-c pass`, in milliseconds."""
    summary = result.summary() if result else None
    base = baseline.summary() if baseline else None
    if summary is None or base is None:
        return None
    return max(summary.median - base.median, 0.0) / 1e6


def baseline_key(python: str) -> str:
    return f"{BASELINE}@{python}"


def probes_for(
    packages: Sequence[Any], interpreters: Mapping[str, str | None], available: Callable[[str, Any], bool]
) -> list[Probe]:
    """One probe per (package, library flavour) whose interpreter exists and can import it, plus baselines."""
    probes: list[Probe] = []
    pythons: list[str] = []
    for package in packages:
        for flavour, python in interpreters.items():
            if python is None or flavour == "bare" or not available(flavour, package):
                continue
            probes.append(Probe(f"{package.name}@{flavour}", python, package.code(flavour)))
            if python not in pythons:
                pythons.append(python)
    return [*probes, *(Probe(baseline_key(python), python, BASELINE) for python in pythons)]
