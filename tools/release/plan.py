"""``hatch run release:plan``: what changed since the last release, and the bump each needs.

The bump comes from the CHANGELOG section of the package's current (unreleased) version:
a section mentioning a breaking change proposes a major bump, one that adds something a minor
bump, anything else a patch. Before 1.0 (every package today) a breaking change moves the
minor version and anything else the patch, so dependants' ``>=0.1.0,<0.2`` pins keep working.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from packaging.version import Version

from tools.release.record import (
    ROOT,
    PackageState,
    changed_since_release,
    load_record,
    package_states,
    problems,
)

BREAKING = re.compile(r"\b(breaking|removed?|renamed?|incompatible)\b", re.I)
FEATURE = re.compile(r"\b(add(s|ed)?|new|first release)\b", re.I)


def newest_section(state: PackageState) -> str:
    match = re.search(r"^## .*?\n(.*?)(?=^## |\Z)", state.changelog, re.M | re.S)
    return match.group(1) if match else ""


def proposed_bump(state: PackageState) -> str:
    """Semantic versioning; before 1.0 a breaking change moves the minor and anything else the patch."""
    text = newest_section(state)
    pre_release = Version(state.version).major == 0
    if BREAKING.search(text):
        return "minor" if pre_release else "major"
    if FEATURE.search(text) and not pre_release:
        return "minor"
    return "patch"


def bumped(version: str, bump: str) -> str:
    v = Version(version)
    if bump == "major":
        return f"{v.major + 1}.0.0"
    if bump == "minor":
        return f"{v.major}.{v.minor + 1}.0"
    return f"{v.major}.{v.minor}.{v.micro + 1}"


def plan_lines(root: Path = ROOT) -> list[str]:
    record = load_record(root / "tools" / "release" / "released.json")
    lines = []
    for state in package_states(root):
        if not changed_since_release(state, record):
            continue
        released = record.get(state.distribution)
        if released is None:
            lines.append(f"{state.distribution}: new, first release {state.version}")
            continue
        bump = proposed_bump(state)
        target = bumped(released["version"], bump)
        status = "ok" if Version(state.version) >= Version(target) else f"set version to {target}"
        lines.append(
            f"{state.distribution}: {released['version']} -> {state.version} "
            f"(CHANGELOG suggests a {bump} bump: {target}; {status})"
        )
    return lines


def main() -> int:
    lines = plan_lines()
    print("\n".join(lines) if lines else "nothing changed since the last release")
    blocking = problems()
    if blocking:
        print("\nblocking:\n" + "\n".join(f"- {p}" for p in blocking))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
