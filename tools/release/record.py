"""What was released, and whether each package's content has moved since.

``released.json`` maps each distribution to the version last released and a hash of what
ships in it (``src/``, ``pyproject.toml``, ``README.md``). Tests and the CHANGELOG don't count:
they change no installed file. A package whose content hash differs from its record must
carry a higher version, with a CHANGELOG section for it, before it can be released again.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from packaging.version import Version

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
RECORD = Path(__file__).resolve().parent / "released.json"
META = "powertools-lambda"
SHIPPED = ("src", "pyproject.toml", "README.md")


@dataclass(frozen=True)
class PackageState:
    distribution: str
    directory: Path
    version: str
    content: str
    dependencies: tuple[str, ...]
    extras: dict[str, tuple[str, ...]]

    @property
    def changelog(self) -> str:
        path = self.directory / "CHANGELOG.md"
        return path.read_text() if path.exists() else ""

    def has_changelog_section(self, version: str) -> bool:
        return re.search(rf"^## {re.escape(version)}\b", self.changelog, re.M) is not None


def content_hash(directory: Path) -> str:
    """sha256 over the relative path and bytes of every shipped file, in sorted order."""
    digest = hashlib.sha256()
    files = []
    for entry in SHIPPED:
        path = directory / entry
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files += [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    for path in sorted(files, key=lambda p: p.relative_to(directory).as_posix()):
        digest.update(path.relative_to(directory).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def package_states(root: Path = ROOT) -> list[PackageState]:
    states = []
    for directory in sorted((root / "packages").iterdir()):
        pyproject = directory / "pyproject.toml"
        if not pyproject.exists():
            continue
        project = tomllib.loads(pyproject.read_text())["project"]
        extras = {name: tuple(reqs) for name, reqs in project.get("optional-dependencies", {}).items()}
        states.append(
            PackageState(
                project["name"],
                directory,
                project["version"],
                content_hash(directory),
                tuple(project.get("dependencies", [])),
                extras,
            )
        )
    return states


def load_record(path: Path = RECORD) -> dict[str, dict[str, str]]:
    return json.loads(path.read_text()) if path.exists() else {}  # type: ignore[no-any-return]


def write_record(states: list[PackageState], path: Path = RECORD) -> None:
    record = {s.distribution: {"version": s.version, "content": s.content} for s in states}
    path.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")


def changed_since_release(state: PackageState, record: dict[str, dict[str, str]]) -> bool:
    released = record.get(state.distribution)
    return released is None or released["content"] != state.content


def _pins(meta: PackageState) -> dict[str, str]:
    pins: dict[str, str] = {}
    for requirement in (*meta.dependencies, *(r for reqs in meta.extras.values() for r in reqs)):
        match = re.match(r"^(powertools-[\w-]+)(?:\[[\w,-]+\])?==([\w.]+)$", requirement)
        if match:
            pins[match.group(1)] = match.group(2)
    return pins


def problems(root: Path = ROOT, record_path: Path | None = None) -> list[str]:
    """Everything that stops the current tree from being released as it is."""
    record = load_record(record_path or root / "tools" / "release" / "released.json")
    states = package_states(root)
    found = []
    for state in states:
        if not state.has_changelog_section(state.version):
            found.append(f"{state.distribution} {state.version}: CHANGELOG.md has no '## {state.version}' section")
        released = record.get(state.distribution)
        if released is None:
            continue
        if Version(state.version) < Version(released["version"]):
            found.append(f"{state.distribution}: version {state.version} is lower than released {released['version']}")
        elif state.content != released["content"] and Version(state.version) == Version(released["version"]):
            found.append(
                f"{state.distribution}: shipped files changed since its {released['version']} release "
                "without a version bump (bump pyproject's version and add a CHANGELOG section)"
            )
    meta = next((s for s in states if s.distribution == META), None)
    if meta is not None:
        pins = _pins(meta)
        for state in states:
            if state is meta:
                continue
            if state.distribution not in pins:
                found.append(f"{META} does not pin {state.distribution}")
            elif pins[state.distribution] != state.version:
                found.append(
                    f"{META} pins {state.distribution}=={pins[state.distribution]}, the package is {state.version}"
                )
    return found


def main() -> int:
    """``release:record``: after publishing, record what was released."""
    states = package_states()
    blocking = problems()
    if blocking:
        print("not recording a release with problems:\n" + "\n".join(f"- {p}" for p in blocking), file=sys.stderr)
        return 1
    write_record(states)
    print(f"recorded {len(states)} packages in {RECORD.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
