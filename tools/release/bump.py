"""``hatch run release:bump``: move the version of every package changed since its release.

For each package whose shipped files changed while its version still equals the released one,
the bump that ``release:plan`` proposes is applied: pyproject's version, ``__version__`` in
the package root, and the CHANGELOG's ``## Unreleased`` heading, which becomes the new version's
section (write the entries there first: a package without them is reported, not bumped). Then
``powertools-lambda`` pins the new set, with a CHANGELOG section listing the moved pins, and the
README's package table shows the new versions. Without ``--apply`` it only prints the plan.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from packaging.version import Version

from tools.release.plan import bumped, proposed_bump
from tools.release.record import META, ROOT, PackageState, load_record, package_states

UNRELEASED = re.compile(r"^## Unreleased[^\n]*$", re.M)


def _replace_version(path: Path, pattern: str, version: str) -> None:
    text = path.read_text()
    new, count = re.subn(pattern, lambda m: f"{m.group(1)}{version}{m.group(2)}", text, count=1, flags=re.M)
    if count:
        path.write_text(new)


def _set_version(state: PackageState, version: str) -> None:
    _replace_version(state.directory / "pyproject.toml", r'^(version = ")[^"]+(")', version)
    for init in (state.directory / "src" / "powertools").glob("*/__init__.py"):
        _replace_version(init, r'^(__version__ = ")[^"]+(")', version)


def _title_changelog(state: PackageState, version: str, today: str, extra_lines: Sequence[str] = ()) -> None:
    path = state.directory / "CHANGELOG.md"
    text = path.read_text()
    heading = f"## {version} — {today}"
    if UNRELEASED.search(text):
        text = UNRELEASED.sub(heading, text, count=1)
        if extra_lines:
            text = text.replace(heading + "\n", heading + "\n\n" + "\n".join(extra_lines) + "\n", 1)
    else:
        first = text.index("\n## ") if "\n## " in text else len(text)
        text = text[:first] + f"\n{heading}\n\n" + "\n".join(extra_lines) + "\n" + text[first:]
    path.write_text(re.sub(r"\n{3,}", "\n\n", text))


def _update_readme_table(versions: dict[str, str], readme: Path) -> None:
    text = readme.read_text()
    for distribution, version in versions.items():
        text = re.sub(
            rf"^(\| \[{re.escape(distribution)}\]\(packages/[\w-]+\) \|.*\| )[\w.]+( \|)$",
            rf"\g<1>{version}\g<2>",
            text,
            flags=re.M,
        )
    readme.write_text(text)


def _set_pins(meta: PackageState, versions: dict[str, str]) -> list[str]:
    path = meta.directory / "pyproject.toml"
    text = path.read_text()
    moved = []
    for distribution, version in sorted(versions.items()):
        pattern = re.compile(rf'"({re.escape(distribution)}(?:\[[\w,-]+\])?)==([\w.]+)"')
        old = {m.group(2) for m in pattern.finditer(text)}
        if old and old != {version}:
            moved.append(f"- {distribution} {', '.join(sorted(old))} → {version}")
        text = pattern.sub(rf'"\g<1>=={version}"', text)
        if not old:
            text = text.replace("dependencies = [\n", f'dependencies = [\n  "{distribution}=={version}",\n', 1)
            moved.append(f"- {distribution} {version} added to the set")
    path.write_text(text)
    return moved


def main(argv: Sequence[str], root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--apply", action="store_true")
    args = parser.parse_args(argv)
    record = load_record(root / "tools" / "release" / "released.json")
    today = datetime.date.today().isoformat()
    problems = []
    for state in package_states(root):
        released = record.get(state.distribution)
        if state.distribution == META or released is None or released["content"] == state.content:
            continue
        if Version(state.version) > Version(released["version"]):
            continue  # already bumped
        if not UNRELEASED.search(state.changelog):
            problems.append(f"{state.distribution}: changed, but its CHANGELOG has no '## Unreleased' entries")
            continue
        version = bumped(released["version"], proposed_bump(state))
        print(f"{state.distribution}: {state.version} -> {version}")
        if args.apply:
            _set_version(state, version)
            _title_changelog(state, version, today)
    states = package_states(root)
    versions = {s.distribution: s.version for s in states if s.distribution != META}
    meta = next((s for s in states if s.distribution == META), None)
    if meta is not None and args.apply:
        moved = _set_pins(meta, versions)
        released = record.get(META)
        meta = next(s for s in package_states(root) if s.distribution == META)
        if moved and released is not None and Version(meta.version) == Version(released["version"]):
            version = bumped(meta.version, "minor")
            _set_version(meta, version)
            _title_changelog(meta, version, today, ["- The pinned set moved:", *("  " + line for line in moved)])
            print(f"{META}: {meta.version} -> {version}")
    if args.apply:
        _update_readme_table(versions, root / "README.md")
    for problem in problems:
        print(f"not bumped: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
