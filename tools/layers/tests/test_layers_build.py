"""The layer builder, offline, for this machine's architecture and Python.

The offline wheelhouse holds wheels repacked from this environment, so only the running
platform can be built here; `hatch run layers:build` does every architecture and Python
from PyPI.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tools.layers import build as layer_build
from tools.layers import reproducible_zip
from tools.layers.spec import HEAVY, RUNTIME_PROVIDED, distributions, host_platform, layers

ARCH, PYTHON = host_platform()


def test_every_layer_is_built_with_a_manifest(built: tuple[Path, list[layer_build.BuiltLayer]]) -> None:
    out, layers_built = built
    expected = {layer.name for layer in layers()}
    assert {b.name for b in layers_built} == expected
    assert {"combined", "extras", "logger", "metrics", "tracer"} <= expected
    manifest = json.loads((out / "manifest.json").read_text())
    assert [entry["file"] for entry in manifest] == [b.file for b in layers_built]
    for entry in manifest:
        path = out / entry["file"]
        assert entry["zipped_bytes"] == path.stat().st_size
        assert entry["sha256"] == layer_build.sha256(path)
        assert (entry["architecture"], entry["python_versions"]) == (ARCH, [PYTHON])
        with zipfile.ZipFile(path) as archive:
            assert entry["unzipped_bytes"] == sum(i.file_size for i in archive.infolist())


def test_layers_hold_exact_versions_and_never_the_aws_sdk(built: tuple[Path, list[layer_build.BuiltLayer]]) -> None:
    out, layers_built = built
    ours = {d.name: d.version for d in distributions()}
    by_name = {b.name: b for b in layers_built}
    assert {k: v for k, v in by_name["combined"].packages.items() if k.startswith("powertools-")} == ours
    assert by_name["logger"].packages.keys() - {"powertools-logger", "powertools-common"} == set()
    assert "pydantic" in by_name["parser"].packages
    # The combined layer leaves the heavy libraries out; the extras layer has them and the optional ones.
    assert by_name["combined"].packages.items() <= by_name["extras"].packages.items()
    assert not HEAVY & by_name["combined"].packages.keys()
    assert HEAVY | {"opentelemetry-sdk"} <= by_name["extras"].packages.keys()
    for layer in layers_built:
        assert not RUNTIME_PROVIDED & layer.packages.keys(), layer.file
        with zipfile.ZipFile(out / layer.file) as archive:
            names = archive.namelist()
        assert all(n.startswith("python/") for n in names)
        assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", "/RECORD", "/direct_url.json"))]
        assert not [n for n in names if n.split("/")[1] in {"boto3", "botocore", "s3transfer", "bin"}]
        assert not [n for n in names if "/tests/" in n]


def test_the_same_inputs_give_the_same_bytes(offline_wheelhouse: Path, tmp_path: Path) -> None:
    first = layer_build.build(
        tmp_path / "a", [ARCH], [PYTHON], wheelhouse=offline_wheelhouse, only=["logger", "parser"]
    )
    second = layer_build.build(
        tmp_path / "b", [ARCH], [PYTHON], wheelhouse=offline_wheelhouse, only=["logger", "parser"]
    )
    assert [(b.file, b.sha256) for b in first] == [(b.file, b.sha256) for b in second]
    assert (tmp_path / "a" / first[0].file).read_bytes() == (tmp_path / "b" / first[0].file).read_bytes()


def test_zip_entries_are_sorted_with_fixed_time_and_modes(built: tuple[Path, list[layer_build.BuiltLayer]]) -> None:
    out, layers_built = built
    with zipfile.ZipFile(out / layers_built[0].file) as archive:
        infos = archive.infolist()
    files = [i for i in infos if not i.is_dir()]
    assert [i.filename for i in files] == sorted(i.filename for i in files)
    assert {i.date_time for i in infos} == {reproducible_zip.FIXED_TIME}
    assert {i.external_attr >> 16 for i in files} == {0o100644}


def test_a_layer_over_lambdas_limit_fails_the_build() -> None:
    huge = layer_build.BuiltLayer("x", "powertools-x.zip", ARCH, [PYTHON], 51 * 1024 * 1024, 1, "0" * 64)
    with pytest.raises(layer_build.LayerBuildError, match=r"powertools-x\.zip: 53477376 bytes zipped"):
        layer_build._check_limits([huge])


def test_the_template_passes_cfn_lint(built: tuple[Path, list[layer_build.BuiltLayer]]) -> None:
    out, layers_built = built
    document = json.loads((out / "template.json").read_text())
    layer_resources = [r for r in document["Resources"].values() if r["Type"] == "AWS::Lambda::LayerVersion"]
    assert len(layer_resources) == len(layers_built)
    assert all(r["Properties"]["CompatibleArchitectures"] == [ARCH] for r in layer_resources)
    assert all(r["Properties"]["CompatibleRuntimes"] == [f"python{PYTHON}"] for r in layer_resources)
    # W2531: Lambda deprecated python3.10 (creation stays possible until 2027-02-01); the
    # packages still support it, so its layers are still built, and the warning is expected.
    lint = subprocess.run(
        [str(Path(sys.executable).with_name("cfn-lint")), str(out / "template.json"), "--ignore-checks", "W2531"],
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
