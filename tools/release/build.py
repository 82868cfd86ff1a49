"""``hatch run release:build [--all] [NAME ...]``: sdists and wheels into dist/, checked by twine.

Without arguments it builds every package changed since the last release (tools/release/released.json);
``--all`` builds every package, names pick some (``powertools-logger`` or ``logger``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from tools.release.record import ROOT, PackageState, changed_since_release, load_record, package_states, problems

BUILD = "import sys, hatchling.build as b\nprint(b.build_sdist(sys.argv[1]))\nprint(b.build_wheel(sys.argv[1]))\n"


def selected(states: Sequence[PackageState], names: Sequence[str], everything: bool) -> list[PackageState]:
    if everything:
        return list(states)
    if names:
        wanted = {n if n.startswith("powertools-") else f"powertools-{n}" for n in names}
        unknown = wanted - {s.distribution for s in states}
        if unknown:
            raise SystemExit(f"unknown packages: {', '.join(sorted(unknown))}")
        return [s for s in states if s.distribution in wanted]
    record = load_record()
    return [s for s in states if changed_since_release(s, record)]


def build(state: PackageState, out: Path) -> list[Path]:
    done = subprocess.run(
        [sys.executable, "-c", BUILD, str(out)], cwd=state.directory, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{state.distribution} does not build:\n{done.stderr}")
    return [out / name for name in done.stdout.split()]


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*")
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--allow-problems", action="store_true", help="build even if the release check fails")
    args = parser.parse_args(argv)
    blocking = problems()
    if blocking and not args.allow_problems:
        print("release check failed:\n" + "\n".join(f"- {p}" for p in blocking), file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    artifacts = [a for s in selected(package_states(), args.names, args.all) for a in build(s, args.out)]
    if not artifacts:
        print("nothing to build: no package changed since the last release (use --all)")
        return 0
    check = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, artifacts)], check=False)
    for artifact in artifacts:
        print(artifact.relative_to(args.out.parent) if args.out.is_relative_to(ROOT) else artifact)
    return check.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
