"""Every package has the same shape, so knowing one means knowing all."""

import pytest

from tools.guards.packages import PACKAGES_DIR, Package, tomllib, utilities

UTILITIES = utilities()


@pytest.mark.parametrize("package", UTILITIES, ids=lambda p: p.distribution)
def test_package_shape(package: Package) -> None:
    d = package.directory
    assert package.distribution == f"powertools-{d.name}"
    assert package.module == d.name.replace("-", "_")
    assert not (d / "src" / "powertools" / "__init__.py").exists(), "powertools is a PEP 420 namespace"
    assert (package.src / "__init__.py").exists()
    assert (package.src / "py.typed").exists()
    assert "__all__" in (package.src / "__init__.py").read_text()
    assert list((d / "tests").glob("test_*.py")), "a package ships its tests"
    assert not list((d / "tests").rglob("__init__.py")), "tests run in importlib mode, without __init__.py"
    readme = (d / "README.md").read_text()
    assert "## Differences from upstream" in readme
    changelog = (d / "CHANGELOG.md").read_text()
    assert f"## {package.version}" in changelog, "CHANGELOG must describe the current version"


@pytest.mark.parametrize("package", UTILITIES, ids=lambda p: p.distribution)
def test_python_and_common_pins(package: Package) -> None:
    project = tomllib.loads((package.directory / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.10"
    if package.module != "common":
        assert any(r.startswith("powertools-common") for r in project["dependencies"])
        assert all(not r.startswith("boto3") for r in project["dependencies"]), "boto3 belongs in the aws-sdk extra"


def test_every_directory_is_a_package() -> None:
    dirs = {p.name for p in PACKAGES_DIR.iterdir() if p.is_dir()}
    assert {p.directory.name for p in UTILITIES} | {"meta"} >= dirs
