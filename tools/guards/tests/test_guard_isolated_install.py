"""Each package builds a wheel that imports in a fresh venv holding only it and common.

No third-party dependency is installed there on purpose: a package root must
import without them (they load lazily), and the wheel must carry everything
else (namespace layout, py.typed, submodules).
"""

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tools.guards.packages import Package, utilities

UTILITIES = utilities()
BUILD = "import sys, hatchling.build as b\nprint(b.build_wheel(sys.argv[1]))\n"


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("wheels")
    built = {}
    for package in UTILITIES:
        name = subprocess.run(
            [sys.executable, "-c", BUILD, str(out)], cwd=package.directory, capture_output=True, text=True, check=True
        ).stdout.strip()
        built[package.module] = out / name
    return built


def _site_packages(env: Path) -> Path:
    return next(env.glob("lib/python3*/site-packages"))


@pytest.mark.parametrize("package", UTILITIES, ids=lambda p: p.distribution)
def test_wheel_installs_alone_and_imports(package: Package, wheels: dict[str, Path], tmp_path: Path) -> None:
    wheel = wheels[package.module]
    names = zipfile.ZipFile(wheel).namelist()
    assert f"powertools/{package.module}/py.typed" in names
    assert "powertools/__init__.py" not in names

    venv.create(tmp_path, with_pip=False)
    for w in {wheel, wheels["common"]}:
        # A pure-Python wheel installs by unpacking it into site-packages.
        zipfile.ZipFile(w).extractall(_site_packages(tmp_path))
    python = tmp_path / "bin" / "python"
    code = f"import powertools.{package.module} as m; print(sorted(m.__all__)[:1])"
    result = subprocess.run([str(python), "-I", "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
