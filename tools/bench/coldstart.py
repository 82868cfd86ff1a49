"""Cold start: a fresh interpreter importing each utility's entry point, minus an empty program.

Each program is timed twice over: from a bare interpreter, and "in Lambda", where the program
and its empty baseline first import what Lambda's Python runtime has loaded before it imports
the handler module (`LAMBDA_RUNTIME_IMPORTS`). The second is what a function pays at cold
start; the first also charges each library for standard modules the runtime already loaded.

Every program starts the same clean way (`clean_startup`): `python -S` with the interpreter's own
sys.path set by a short prelude. Site-packages `.pth` files may run code at startup (a machine's
certificate hooks, coverage, ...); that code preloads modules such as `re` and `pathlib` for one
interpreter and not the other, and whatever a program needs that is already loaded looks free.
"""

from __future__ import annotations

import dataclasses
import json
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
# The standard modules Lambda's runtime interface client (awslambdaric: bootstrap.py and its
# marshaller, used by the managed Python runtimes) imports before it loads the handler module.
LAMBDA_RUNTIME_IMPORTS = "import decimal, importlib, json, logging, math, time, traceback\n"
TOP_IMPORTS = 6
PROCESS_TIMEOUT_S = 120
_IMPORTTIME = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S.*)$")


@dataclass(frozen=True)
class Probe:
    """One timed program: `code` run by `python`. `key` identifies it (package name + flavour, or baseline).

    `flags` go before `-c`, and `prelude` before `code`, for the program and its baseline alike.
    """

    key: str
    python: str
    code: str
    flags: tuple[str, ...] = ()
    prelude: str = ""
    in_lambda: bool = False  # started after the Lambda runtime's own imports

    def command(self, code: str | None = None, importtime: bool = False) -> list[str]:
        """The command running `code` (default: this probe's) the way this probe starts."""
        profile = ["-X", "importtime"] if importtime else []
        return [self.python, *self.flags, *profile, "-c", self.prelude + (self.code if code is None else code)]


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
        done = run(probe.command())
        if done.returncode != 0:
            results[probe.key].status = "error"
            results[probe.key].reason = " / ".join(done.stderr.strip().splitlines()[-2:])
    live = [probe for probe in probes if results[probe.key].status == "ok"]
    for index in range(runs):
        if progress:
            progress(f"cold start run {index + 1}/{runs} ({len(live)} programs)")
        for probe in live if index % 2 == 0 else reversed(live):
            start = clock()
            run(probe.command())
            results[probe.key].samples_ns.append(float(clock() - start))
    baselines: dict[tuple[str, bool], frozenset[str]] = {}
    for probe in live:
        startup = (probe.python, probe.in_lambda)
        if startup not in baselines:
            baselines[startup] = _imported_modules(run(probe.command(BASELINE, importtime=True)).stderr)
        if probe.code != BASELINE:
            stderr = run(probe.command(importtime=True)).stderr
            results[probe.key].top_imports = parse_importtime(stderr, baselines[startup])
    return results


def net_ms(result: ProbeResult | None, baseline: ProbeResult | None) -> float | None:
    """Median import wall time minus the interpreter's median `-c pass`, in milliseconds."""
    summary = result.summary() if result else None
    base = baseline.summary() if baseline else None
    if summary is None or base is None:
        return None
    return max(summary.median - base.median, 0.0) / 1e6


def probe_key(name: str, flavour: str, in_lambda: bool = False) -> str:
    return f"{name}@{flavour}" + ("@lambda" if in_lambda else "")


def baseline_key(python: str, in_lambda: bool = False) -> str:
    return probe_key(BASELINE, python, in_lambda)


def probes_for(
    packages: Sequence[Any], interpreters: Mapping[str, str | None], available: Callable[[str, Any], bool]
) -> list[Probe]:
    """Per (package, library flavour) whose interpreter exists and can import it, a probe from a
    bare interpreter and one in Lambda; plus the baselines of both."""
    probes: list[Probe] = []
    pythons: list[str] = []
    for package in packages:
        for flavour, python in interpreters.items():
            if python is None or flavour == "bare" or not available(flavour, package):
                continue
            for in_lambda in (False, True):
                key = probe_key(package.name, flavour, in_lambda)
                probes.append(Probe(key, python, package.code(flavour), in_lambda=in_lambda))
            if python not in pythons:
                pythons.append(python)
    baselines = [
        Probe(baseline_key(python, in_lambda), python, BASELINE, in_lambda=in_lambda)
        for python in pythons
        for in_lambda in (False, True)
    ]
    return [*probes, *baselines]


class StartupError(RuntimeError):
    """An interpreter that cannot report its sys.path."""


def clean_startup(python: str, run: Runner = _run) -> tuple[tuple[str, ...], str]:
    """(flags, prelude) that start `python` with its usual sys.path but without running `.pth` code.

    `-S` skips the site module; the prelude restores the paths site would add (editable installs
    included) and imports `os`, which site would have loaded.
    """
    done = run([python, "-c", "import json, sys; print(json.dumps(sys.path))"])
    try:
        paths = json.loads(done.stdout)
    except ValueError:
        raise StartupError(f"{python} did not print its sys.path: {done.stderr.strip()[-200:]}") from None
    if not isinstance(paths, list):
        raise StartupError(f"{python} printed {paths!r} instead of its sys.path")
    return ("-S",), f"import sys; sys.path[:] = {paths!r}; import os\n"


def with_clean_startup(probes: Sequence[Probe], run: Runner = _run) -> list[Probe]:
    """The probes, each started by `clean_startup` of its interpreter (asked once per interpreter)."""
    startups: dict[str, tuple[tuple[str, ...], str]] = {}
    for probe in probes:
        if probe.python not in startups:
            startups[probe.python] = clean_startup(probe.python, run)
    return [
        dataclasses.replace(
            probe,
            flags=startups[probe.python][0],
            prelude=startups[probe.python][1] + (LAMBDA_RUNTIME_IMPORTS if probe.in_lambda else ""),
        )
        for probe in probes
    ]
