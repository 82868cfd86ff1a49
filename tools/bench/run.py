"""Run the benchmark suite: `python tools/bench/run.py [--quick]`.

Every workload runs three ways (this project, upstream aws-lambda-powertools in its own
virtualenv, bare Python), then cold start and footprint; the table is printed and written
to tools/bench/results/ as bench.json, bench.md and bench.png.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata as metadata
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

# Run as a script from anywhere: the repo root makes `tools.bench` importable.
REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tools.bench import coldstart, footprint, layers, report, upstream_env  # noqa: E402
from tools.bench.adapter import is_installed  # noqa: E402
from tools.bench.packages import PACKAGES, Package  # noqa: E402
from tools.bench.runner import FULL, QUICK, Settings, run_workloads  # noqa: E402
from tools.bench.workloads import all_workloads  # noqa: E402
from tools.guards.packages import utilities  # noqa: E402

SECTIONS = ("workloads", "cold", "footprint", "layers")
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "results"
PUBLISHED = Path(__file__).resolve().parent / "RESULTS.md"


class UnpublishableRunError(RuntimeError):
    """--publish asked for a run whose numbers would not belong to one commit."""


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer rounds and samples (CI: proves the suite runs)")
    parser.add_argument("--only", action="append", default=[], metavar="TEXT", help="only names containing TEXT")
    parser.add_argument("--skip", action="append", default=[], choices=SECTIONS, help="leave a section out")
    parser.add_argument("--no-upstream", action="store_true", help="do not create or use the upstream virtualenv")
    parser.add_argument("--refresh-upstream", action="store_true", help="recreate the upstream virtualenv (newest)")
    parser.add_argument("--upstream-version", help="pin aws-lambda-powertools to this version")
    parser.add_argument("--rounds", type=int, help="override the number of alternating rounds")
    parser.add_argument("--cold-runs", type=int, help="override the number of cold-start runs per program")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="directory for bench.json/.md/.png")
    parser.add_argument(
        "--publish",
        action="store_true",
        help=f"also write {PUBLISHED.relative_to(REPO_ROOT)} (a full run of a clean, committed tree only)",
    )
    return parser.parse_args(argv)


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _selected(name: str, only: Sequence[str]) -> bool:
    return not only or any(text in name for text in only)


def _our_versions() -> dict[str, str]:
    """The installed powertools packages at this tree's versions.

    The workspace installs them editable, so the code measured is the tree's; their installed
    metadata keeps the version of the last install and goes stale with every bump.
    """
    installed = {dist.metadata["Name"] for dist in metadata.distributions()}
    return {
        p.distribution: p.version
        for p in sorted(utilities(), key=lambda p: p.distribution)
        if p.distribution in installed
    }


def _git_commit() -> str | None:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO_ROOT)
    return done.stdout.strip() or None


def _uncommitted() -> list[str]:
    """Paths that differ from HEAD (results/ is ignored by git, so the run's own output doesn't count)."""
    done = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True, cwd=REPO_ROOT)
    return [line[3:] for line in done.stdout.splitlines() if line.strip()]


def check_publishable(args: argparse.Namespace, commit: str | None, uncommitted: Sequence[str]) -> None:
    """Published numbers must be a full run of exactly one commit."""
    if not args.publish:
        return
    problems = []
    if args.quick or args.only or args.skip or args.rounds or args.cold_runs or args.no_upstream:
        problems.append("only a full run with default settings and upstream is published")
    if commit is None:
        problems.append("not a git checkout")
    if uncommitted:
        problems.append(f"uncommitted changes: {', '.join(uncommitted[:5])}")
    if problems:
        raise UnpublishableRunError("--publish refused: " + "; ".join(problems))


def published_text(document: dict[str, Any], table: str) -> str:
    meta = document["meta"]
    return (
        "# Benchmark results\n\n"
        "The last published full run (`hatch run bench:all --publish`), quoted by `docs/benchmarks.md` and the\n"
        "package READMEs. Compare ratios, not absolute times: they come from one machine at one moment.\n\n"
        f"Commit: {meta['commit']} (clean tree) · {meta['seconds']} s wall · "
        f"settings: {meta['settings']}\n\n"
        f"Our packages: {', '.join(f'{k} {v}' for k, v in meta['ours_versions'].items())}\n\n"
        + table.split("\n", 1)[1].lstrip("\n")
    )


def _site_packages(python: Path) -> str:
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    return subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def cold_section(packages: Sequence[Package], interpreters: dict[str, str | None], runs: int) -> dict[str, Any]:
    """Each package's import time from a bare interpreter and in Lambda; the target applies in Lambda."""

    def available(flavour: str, package: Package) -> bool:
        return flavour != "ours" or is_installed("ours", package.utility)

    probes = coldstart.with_clean_startup(coldstart.probes_for(packages, interpreters, available))
    results = coldstart.measure(probes, runs, progress)
    baselines = {
        (flavour, in_lambda): results.get(coldstart.baseline_key(python, in_lambda))
        for flavour, python in interpreters.items()
        if python
        for in_lambda in (False, True)
    }
    rows = []
    for package in packages:
        row: dict[str, Any] = {"name": package.name, "top_imports": {}, "reasons": {}}
        for in_lambda, prefix in ((False, ""), (True, "lambda_")):
            for flavour in ("ours", "upstream"):
                probe = results.get(coldstart.probe_key(package.name, flavour, in_lambda))
                row[f"{prefix}{flavour}_ms"] = coldstart.net_ms(probe, baselines.get((flavour, in_lambda)))
                if probe is None:
                    why = "package not installed" if interpreters.get(flavour) else "flavour not available"
                    row["reasons"][flavour] = why
                elif probe.status != "ok":
                    row["reasons"][flavour] = probe.reason
                elif in_lambda:  # what the library itself loads, beyond the runtime's modules
                    row["top_imports"][flavour] = [asdict(entry) for entry in probe.top_imports]
            ours, upstream = row[f"{prefix}ours_ms"], row[f"{prefix}upstream_ms"]
            row[f"{prefix}ratio"] = ours / upstream if ours is not None and upstream else None
        row["target"] = (
            None
            if package.cold_target is None
            else {
                "ratio": package.cold_target,
                "against": "upstream",
                "achieved": row["lambda_ratio"],
                "verdict": report.verdict(row["lambda_ratio"], package.cold_target),
            }
        )
        rows.append(row)
    baseline_ms = {
        (f"{flavour}, in Lambda" if in_lambda else flavour): (
            summary.median / 1e6 if (summary := probe.summary()) else None
        )
        for (flavour, in_lambda), probe in baselines.items()
        if probe is not None
    }
    return {
        "packages": rows,
        "baseline_ms": baseline_ms,
        "runs": runs,
        "lambda_runtime_imports": coldstart.LAMBDA_RUNTIME_IMPORTS.strip(),
    }


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    commit, uncommitted = _git_commit(), _uncommitted()
    check_publishable(args, commit, uncommitted)
    settings: Settings = QUICK if args.quick else FULL
    if args.rounds:
        settings = Settings(args.rounds, settings.samples, settings.warmup, settings.min_sample_ns)
    cold_runs = args.cold_runs or (5 if args.quick else 20)

    interpreters: dict[str, str | None] = {"ours": sys.executable, "upstream": None, "bare": sys.executable}
    unavailable: dict[str, str] = {}
    upstream_version = None
    upstream_site = None
    if args.no_upstream:
        unavailable["upstream"] = "--no-upstream"
    else:
        progress("preparing the upstream virtualenv (created once, then reused)")
        env = upstream_env.ensure(version=args.upstream_version, refresh=args.refresh_upstream)
        if isinstance(env, upstream_env.Unavailable):
            unavailable["upstream"] = env.reason
            progress(env.reason)
        else:
            interpreters["upstream"] = str(env.python)
            upstream_version = env.version
            upstream_site = _site_packages(env.python)

    document: dict[str, Any] = {
        "meta": {
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "mode": "quick" if args.quick else "full",
            "python": platform.python_version(),
            "platform": platform.platform(terse=True),
            "cpus": os.cpu_count(),
            "commit": commit,
            "uncommitted": uncommitted,
            "upstream_version": upstream_version,
            "upstream_unavailable": unavailable.get("upstream"),
            "ours_versions": _our_versions(),
            "settings": {**vars(settings), "cold_runs": cold_runs},
        },
        "workloads": None,
        "cold_start": None,
        "footprint": None,
        "layers": None,
    }
    if "workloads" not in args.skip:
        workloads = [w for w in all_workloads() if _selected(w.name, args.only)]
        results = run_workloads(workloads, interpreters, settings, unavailable, progress=progress)
        document["workloads"] = report.workload_rows(results)
    packages = [p for p in PACKAGES if _selected(p.name, args.only)]
    if "cold" not in args.skip:
        document["cold_start"] = cold_section(packages, interpreters, cold_runs)
    if "footprint" not in args.skip:
        progress("footprint: pip install --target of each package")
        document["footprint"] = footprint.footprints(packages, upstream_site)
    if "layers" not in args.skip and not args.only:
        progress("layers: building ours offline, staging upstream's")
        document["layers"] = layers.layer_sizes(upstream_site)
    document["meta"]["seconds"] = round(time.monotonic() - started, 1)

    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "bench.json").write_text(json.dumps(document, indent=2, default=str) + "\n", encoding="utf-8")
    text = report.markdown(document)
    (args.output / "bench.md").write_text(text + "\n", encoding="utf-8")
    skipped_plot = report.plot(document, args.output / "bench.png")
    print(text)
    if args.publish:
        PUBLISHED.write_text(published_text(document, text) + "\n", encoding="utf-8")
        progress(f"published {PUBLISHED}")
    progress(f"wrote {args.output}/bench.json, bench.md" + (f" ({skipped_plot})" if skipped_plot else ", bench.png"))
    progress(f"finished in {document['meta']['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
