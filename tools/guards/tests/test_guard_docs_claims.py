"""README and docs claim only what exists, in the same words, and stay in step with packages/."""

from __future__ import annotations

import importlib
import re
import subprocess

import pytest

from tools.guards.packages import ROOT, utilities

README = (ROOT / "README.md").read_text()
INDEX = (ROOT / "docs" / "index.md").read_text()
MKDOCS = (ROOT / "mkdocs.yml").read_text()
UTILITIES = utilities()
# | [powertools-logger](packages/logger) | `powertools.logger` | what it does | 0.1.0 |
ROW = re.compile(r"^\| \[(powertools-[\w-]+)\]\(packages/([\w-]+)\) \| `([\w.]+)` \| (.+?) \| ([\w.]+) \|$", re.M)


def _section(text: str, heading: str) -> str:
    match = re.search(rf"^## {heading}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"no '## {heading}' section"
    return match.group(1)


def _coming(text: str) -> list[str]:
    """The announced items; no 'Coming' section once everything planned has landed."""
    if not re.search(r"^## Coming$", text, re.M):
        return []
    return re.findall(r"^- (.+)$", _section(text, "Coming"), re.M)


def test_every_package_row_names_an_importable_package_at_its_version() -> None:
    rows = ROW.findall(README)
    by_dir = {p.directory.name: p for p in UTILITIES}
    assert sorted(directory for _, directory, *_ in rows) == sorted(by_dir), "README table and packages/ differ"
    for distribution, directory, module, _, version in rows:
        package = by_dir[directory]
        assert (distribution, module) == (package.distribution, f"powertools.{package.module}")
        assert version == package.version, f"README says {distribution} {version}, pyproject says {package.version}"
        importlib.import_module(module)


@pytest.mark.parametrize("package", UTILITIES, ids=lambda p: p.distribution)
def test_each_package_is_in_the_docs(package) -> None:  # type: ignore[no-untyped-def]
    assert f"packages/{package.directory.name}.md" in MKDOCS
    assert (ROOT / "docs" / "packages" / f"{package.directory.name}.md").exists()
    if package.module != "common":
        assert f"powertools.{package.module}" in INDEX, "docs/index.md lists every utility"
        link = f"(packages/{package.directory.name}/README.md#differences-from-upstream)"
        assert link in README, "README's migration section links every package's differences"


def test_coming_lists_agree_and_name_nothing_that_exists() -> None:
    coming = _coming(README)
    assert coming == _coming(INDEX), "README and docs/index.md must announce the same things in the same words"
    existing = {p.distribution for p in UTILITIES}
    for line in coming:
        name = line.split(":", 1)[0]
        assert name not in existing, f"{name} exists now: move it from 'Coming' to the package table"


def test_no_pointers_outside_the_repository_or_notes_about_who_does_what() -> None:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    offenders = []
    for name in files:
        if not name.endswith((".md", ".py", ".toml", ".yml", ".ini", ".cfg")) or name.startswith("tools/guards/tests/"):
            continue
        text = (ROOT / name).read_text(errors="replace")
        for needle in ("../shared", "the lead ", "the lead)", "next session", "TODO(lead"):
            if needle in text:
                offenders.append(f"{name}: {needle!r}")
    assert not offenders, offenders
