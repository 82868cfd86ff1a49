"""Dependencies say what a package really needs: boto3 only where it is used, every version capped."""

from __future__ import annotations

import pytest

from tools.guards.packages import Package, imports_of, tomllib, utilities

UTILITIES = utilities()
# Modules through which a package reaches boto3 without importing it itself.
BOTO3_GATEWAYS = ("boto3", "botocore", "powertools.common.aws", "powertools.common.appconfig")


def _project(package: Package) -> dict:  # type: ignore[type-arg]
    return tomllib.loads((package.directory / "pyproject.toml").read_text())["project"]  # type: ignore[no-any-return]


def _uses_boto3(package: Package) -> bool:
    for source in package.src.rglob("*.py"):
        if package.module == "common" and source.name in ("aws.py", "appconfig.py"):
            return True
        for _, name in imports_of(source):
            if any(name == gateway or name.startswith(gateway + ".") for gateway in BOTO3_GATEWAYS):
                return True
    return False


@pytest.mark.parametrize("package", UTILITIES, ids=lambda p: p.distribution)
def test_aws_sdk_extra_exactly_where_boto3_is_used(package: Package) -> None:
    extras = _project(package).get("optional-dependencies", {})
    uses = _uses_boto3(package)
    assert ("aws-sdk" in extras) == uses, (
        f"{package.distribution} {'uses' if uses else 'never uses'} boto3 but "
        f"{'lacks' if uses else 'declares'} the aws-sdk extra"
    )


@pytest.mark.parametrize("package", UTILITIES, ids=lambda p: p.distribution)
def test_every_dependency_has_an_upper_bound(package: Package) -> None:
    project = _project(package)
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    uncapped = [r for r in requirements if "<" not in r.split(";")[0]]
    assert not uncapped, f"{package.distribution}: cap the major version of {uncapped}"
