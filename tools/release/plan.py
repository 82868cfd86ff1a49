"""``hatch run release:plan``: what changed since the last release, and the bump each needs.

The bump comes from the CHANGELOG section of the package's current (unreleased) version:
a section mentioning a breaking change proposes a major bump (minor before 1.0), one that
adds something proposes a minor bump (patch before 1.0 only for fixes), anything else a patch.
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
    text = newest_section(state)
    if BREAKING.search(text):
        return "major" if Version(state.version).major >= 1 else "minor"
    if FEATURE.search(text):
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
