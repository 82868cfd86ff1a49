"""The release record holds: changed packages carry a new version, the meta package pins the set."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.release import build, plan, record

ROOT = record.ROOT


def test_this_tree_is_releasable() -> None:
    assert record.problems() == []


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A throwaway copy of what the check reads: packages/ and the release record."""
    shutil.copytree(ROOT / "packages", tmp_path / "packages", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "tools" / "release").mkdir(parents=True)
    shutil.copy(record.RECORD, tmp_path / "tools" / "release" / "released.json")
    # Start from a copy where everything is recorded as released as it is now.
    record.write_record(record.package_states(tmp_path), tmp_path / "tools" / "release" / "released.json")
    assert record.problems(tmp_path) == []
    return tmp_path


def _set_version(package_dir: Path, version: str) -> None:
    pyproject = package_dir / "pyproject.toml"
    pyproject.write_text(re.sub(r'^version = ".*"$', f'version = "{version}"', pyproject.read_text(), flags=re.M))


def test_an_unbumped_change_fails_until_version_and_changelog_move(repo_copy: Path) -> None:
    logger = repo_copy / "packages" / "logger"
    module = logger / "src" / "powertools" / "logger" / "__init__.py"
    module.write_text(module.read_text() + "\n# a change\n")
    version = record.package_states(repo_copy)[
        [s.distribution for s in record.package_states(repo_copy)].index("powertools-logger")
    ].version

    found = record.problems(repo_copy)
    assert any(f"powertools-logger: shipped files changed since its {version} release" in p for p in found), found

    new = plan.bumped(version, "patch")
    _set_version(logger, new)
    found = record.problems(repo_copy)
    assert f"powertools-logger {new}: CHANGELOG.md has no '## {new}' section" in found
    changelog = logger / "CHANGELOG.md"
    changelog.write_text(changelog.read_text().replace("\n## ", f"\n## {new}\n\n- Fixed a thing.\n\n## ", 1))
    # The meta package still pins the old version: the set moved, so must the pin.
    assert record.problems(repo_copy) == [f"powertools-lambda pins powertools-logger=={version}, the package is {new}"]


def test_tests_and_changelog_are_not_shipped_content(repo_copy: Path) -> None:
    tests = repo_copy / "packages" / "logger" / "tests"
    (tests / "test_logger_extra.py").write_text("def test_x():\n    assert True\n")
    assert record.problems(repo_copy) == []


def test_plan_proposes_a_bump_from_the_changelog(repo_copy: Path) -> None:
    validation = repo_copy / "packages" / "validation"
    module = validation / "src" / "powertools" / "validation" / "__init__.py"
    module.write_text(module.read_text() + "\n# new option\n")
    changelog = validation / "CHANGELOG.md"
    original = changelog.read_text()
    changelog.write_text(original.replace("\n## ", "\n## Unreleased\n\n- Added a new option.\n\n## ", 1))
    state = next(s for s in record.package_states(repo_copy) if s.distribution == "powertools-validation")
    (line,) = [x for x in plan.plan_lines(repo_copy) if x.startswith("powertools-validation")]
    # Before 1.0 an addition is a patch: dependants pin ">=0.1.0,<0.2".
    assert f"CHANGELOG suggests a patch bump: {plan.bumped(state.version, 'patch')}; set version to" in line

    changelog.write_text(original.replace("\n## ", "\n## Unreleased\n\n- Removed `validate_all` (breaking).\n\n## ", 1))
    (line,) = [x for x in plan.plan_lines(repo_copy) if x.startswith("powertools-validation")]
    assert f"CHANGELOG suggests a minor bump: {plan.bumped(state.version, 'minor')}" in line


def test_bump_applies_the_plan_to_versions_changelog_meta_and_readme(repo_copy: Path) -> None:
    from tools.release import bump

    shutil.copy(ROOT / "README.md", repo_copy / "README.md")
    logger = repo_copy / "packages" / "logger"
    module = logger / "src" / "powertools" / "logger" / "__init__.py"
    module.write_text(module.read_text() + "\n# a fix\n")
    state = next(s for s in record.package_states(repo_copy) if s.distribution == "powertools-logger")
    new = plan.bumped(state.version, "patch")
    changelog = logger / "CHANGELOG.md"
    changelog.write_text(changelog.read_text().replace("\n## ", "\n## Unreleased\n\n- Fixed a thing.\n\n## ", 1))

    assert bump.main(["--apply"], root=repo_copy) == 0
    assert record.problems(repo_copy) == []
    assert f'version = "{new}"' in (logger / "pyproject.toml").read_text()
    assert f'__version__ = "{new}"' in module.read_text()
    assert re.search(
        rf"^## {re.escape(new)} — \d{{4}}-\d{{2}}-\d{{2}}\n\n- Fixed a thing\.", changelog.read_text(), re.M
    )
    meta = (repo_copy / "packages" / "meta" / "pyproject.toml").read_text()
    assert f'"powertools-logger=={new}"' in meta
    meta_changelog = (repo_copy / "packages" / "meta" / "CHANGELOG.md").read_text()
    assert f"- powertools-logger {state.version} → {new}" in meta_changelog
    assert "| [powertools-logger](packages/logger) |" in (repo_copy / "README.md").read_text()
    assert re.search(
        rf"^\| \[powertools-logger\]\(packages/logger\) \|.*\| {re.escape(new)} \|$",
        (repo_copy / "README.md").read_text(),
        re.M,
    )


def test_build_makes_a_wheel_and_sdist_that_twine_accepts(tmp_path: Path) -> None:
    logger = next(s for s in record.package_states() if s.distribution == "powertools-logger")
    artifacts = build.build(logger, tmp_path)
    assert sorted(a.suffix for a in artifacts) == [".gz", ".whl"]
    check = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, artifacts)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
