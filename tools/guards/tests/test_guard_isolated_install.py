"""Each package builds a wheel that imports in a fresh venv holding only it and common.

No third-party dependency is installed there on purpose: a package root must
import without them (they load lazily), and the wheel must carry everything
else (namespace layout, py.typed, submodules).
"""

import subprocess
import sys
import venv
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tools.guards.packages import Package, utilities

UTILITIES = utilities()
BUILD = "import sys, hatchling.build as b\nprint(b.build_wheel(sys.argv[1]))\n"


@pytest.fixture(scope="module")
def build_wheel(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Package], Path]:
    """Build a package's wheel once per run; a broken package fails only its own test."""
    out = tmp_path_factory.mktemp("wheels")
    built: dict[str, Path] = {}

    def build(package: Package) -> Path:
        if package.module not in built:
            result = subprocess.run(
                [sys.executable, "-c", BUILD, str(out)], cwd=package.directory, capture_output=True, text=True
            )
            assert result.returncode == 0, f"{package.distribution} does not build a wheel:\n{result.stderr}"
            built[package.module] = out / result.stdout.strip()
        return built[package.module]

    return build


def _site_packages(env: Path) -> Path:
    return next(env.glob("lib/python3*/site-packages"))


@pytest.mark.parametrize("package", UTILITIES, ids=lambda p: p.distribution)
def test_wheel_installs_alone_and_imports(
    package: Package, build_wheel: Callable[[Package], Path], tmp_path: Path
) -> None:
    wheel = build_wheel(package)
    common = build_wheel(next(p for p in UTILITIES if p.module == "common"))
    names = zipfile.ZipFile(wheel).namelist()
    assert f"powertools/{package.module}/py.typed" in names
    assert "powertools/__init__.py" not in names

    venv.create(tmp_path, with_pip=False)
    for w in {wheel, common}:
        # A pure-Python wheel installs by unpacking it into site-packages.
        zipfile.ZipFile(w).extractall(_site_packages(tmp_path))
    python = tmp_path / "bin" / "python"
    code = f"import powertools.{package.module} as m; print(sorted(m.__all__)[:1])"
    result = subprocess.run([str(python), "-I", "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
