"""Importing a package root must not pay for heavy third-party libraries."""

import subprocess
import sys

import pytest

from tools.guards.packages import Package, utilities

HEAVY = ("boto3", "botocore", "pydantic", "aws_xray_sdk", "fastjsonschema", "redis", "jmespath", "opentelemetry")


@pytest.mark.parametrize("package", utilities(), ids=lambda p: p.distribution)
def test_root_import_is_light(package: Package) -> None:
    code = f"import powertools.{package.module}, sys\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert sorted(set(loaded) & set(HEAVY)) == []
