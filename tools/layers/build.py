"""``hatch run layers:build``: Lambda layers into dist/layers/, with manifest.json and template.json.

For each architecture and Lambda Python version, pip installs each layer's requirements for
that platform (``--platform manylinux2014_<arch> --only-binary=:all: --python-version X.Y``)
into a folder, the AWS SDK is removed, and the folder is zipped reproducibly under ``python/``.
Layers whose zip is byte-identical across Python versions are written once, compatible with
all of them. The build fails when a layer breaks Lambda's size limits.

``--wheelhouse DIR`` builds offline from a folder of wheels (the tests do this).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tools.layers import reproducible_zip, template
from tools.layers.spec import (
    ARCHITECTURES,
    MAX_UNZIPPED_BYTES,
    MAX_ZIPPED_BYTES,
    PYTHON_VERSIONS,
    ROOT,
    RUNTIME_PROVIDED,
    Layer,
    distributions,
    layers,
)

WHEEL = "import sys, hatchling.build as b\nprint(b.build_wheel(sys.argv[1]))\n"


class LayerBuildError(RuntimeError):
    """A layer could not be built, or breaks Lambda's limits."""


@dataclass
class BuiltLayer:
    name: str
    file: str
    architecture: str
    python_versions: list[str]
    zipped_bytes: int
    unzipped_bytes: int
    sha256: str
    packages: dict[str, str] = field(default_factory=dict)


def build_our_wheels(out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for dist in distributions():
        done = subprocess.run(
            [sys.executable, "-c", WHEEL, str(out)], cwd=dist.directory, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise LayerBuildError(f"{dist.name} does not build a wheel:\n{done.stderr}")
    return out


def pip_install(layer: Layer, target: Path, arch: str, python: str, find_links: Sequence[Path], offline: bool) -> None:
    machine = "x86_64" if arch == "x86_64" else "aarch64"
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--no-compile",
        "--target",
        str(target),
        "--implementation",
        "cp",
        "--python-version",
        python,
        "--only-binary=:all:",
        "--platform",
        f"manylinux2014_{machine}",
        "--platform",
        f"manylinux_2_17_{machine}",
    ]
    for links in find_links:
        command += ["--find-links", str(links)]
    if offline:
        command.append("--no-index")
    runs = [list(layer.requirements)] + (
        [["--no-deps", *layer.without_dependencies]] if layer.without_dependencies else []
    )
    for requirements in runs:
        if not requirements:
            continue
        done = subprocess.run([*command, *requirements], capture_output=True, text=True)
        if done.returncode != 0:
            raise LayerBuildError(f"layer {layer.name} ({arch}, Python {python}): pip failed\n{done.stderr[-4000:]}")


def installed(target: Path) -> dict[str, str]:
    """{distribution: version} for what pip put in ``target``."""
    found = {}
    for dist in importlib.metadata.distributions(path=[str(target)]):
        found[dist.metadata["Name"].lower().replace("_", "-")] = dist.version
    return dict(sorted(found.items()))


def remove_runtime_provided(target: Path) -> None:
    """Delete the AWS SDK and its dependencies that pip pulled in (e.g. through aws-xray-sdk)."""
    for dist in importlib.metadata.distributions(path=[str(target)]):
        if dist.metadata["Name"].lower().replace("_", "-") not in RUNTIME_PROVIDED:
            continue
        for file in dist.files or ():
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                path.unlink()
    for directory in sorted((p for p in target.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if not any(directory.iterdir()):
            directory.rmdir()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(
    out: Path,
    architectures: Sequence[str] = ARCHITECTURES,
    pythons: Sequence[str] = PYTHON_VERSIONS,
    wheelhouse: Path | None = None,
    only: Sequence[str] = (),
) -> list[BuiltLayer]:
    out.mkdir(parents=True, exist_ok=True)
    chosen = [layer for layer in layers() if not only or layer.name in only]
    built: list[BuiltLayer] = []
    with tempfile.TemporaryDirectory(prefix="layers-") as scratch:
        work = Path(scratch)
        ours = build_our_wheels(work / "ours")
        find_links = [ours, *([wheelhouse] if wheelhouse else [])]
        for arch in architectures:
            for layer in chosen:
                per_python: dict[str, tuple[Path, int, dict[str, str]]] = {}
                for python in pythons:
                    target = work / f"{layer.name}-{arch}-{python}"
                    pip_install(layer, target, arch, python, find_links, offline=wheelhouse is not None)
                    remove_runtime_provided(target)
                    packages = installed(target)
                    zipped = work / f"{target.name}.zip"
                    _, unzipped = reproducible_zip.write(target, zipped)
                    per_python[python] = (zipped, unzipped, packages)
                built += _collect(layer, arch, per_python, out)
    _check_limits(built)
    (out / "manifest.json").write_text(json.dumps([asdict(b) for b in built], indent=2) + "\n")
    (out / "template.json").write_text(json.dumps(template.render(built), indent=2) + "\n")
    return built


def _collect(
    layer: Layer, arch: str, per_python: dict[str, tuple[Path, int, dict[str, str]]], out: Path
) -> list[BuiltLayer]:
    """One zip per distinct content: identical zips for several Pythons become one layer."""
    groups: dict[str, list[str]] = {}
    for python, (zipped, _, _) in per_python.items():
        groups.setdefault(sha256(zipped), []).append(python)
    result = []
    for digest, versions in groups.items():
        zipped, unzipped, packages = per_python[versions[0]]
        suffix = "" if len(groups) == 1 else "-py" + "-".join(v.replace(".", "") for v in versions)
        name = f"powertools-{layer.name}-{arch}{suffix}.zip"
        shutil.copyfile(zipped, out / name)
        result.append(BuiltLayer(layer.name, name, arch, versions, zipped.stat().st_size, unzipped, digest, packages))
    return result


def _check_limits(built: Sequence[BuiltLayer]) -> None:
    too_big = [
        f"{b.file}: {b.zipped_bytes} bytes zipped (max {MAX_ZIPPED_BYTES}), "
        f"{b.unzipped_bytes} unzipped (max {MAX_UNZIPPED_BYTES})"
        for b in built
        if b.zipped_bytes > MAX_ZIPPED_BYTES or b.unzipped_bytes > MAX_UNZIPPED_BYTES
    ]
    if too_big:
        raise LayerBuildError("layers over Lambda's limits:\n" + "\n".join(too_big))


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "layers")
    parser.add_argument("--arch", action="append", choices=ARCHITECTURES, help="default: both")
    parser.add_argument("--python", action="append", choices=PYTHON_VERSIONS, help="default: every supported version")
    parser.add_argument("--only", action="append", default=[], metavar="LAYER", help="e.g. logger, combined, extras")
    parser.add_argument("--wheelhouse", type=Path, help="build offline from this folder of wheels")
    args = parser.parse_args(argv)
    try:
        built = build(args.out, args.arch or ARCHITECTURES, args.python or PYTHON_VERSIONS, args.wheelhouse, args.only)
    except LayerBuildError as exc:
        print(f"layer build failed: {exc}", file=sys.stderr)
        return 1
    width = max(len(b.file) for b in built)
    for b in built:
        print(
            f"{b.file:<{width}}  {b.zipped_bytes / 1024:>9,.0f} KiB zipped  "
            f"{b.unzipped_bytes / 1024:>9,.0f} KiB unzipped"
        )
    print(f"wrote {len(built)} layers, manifest.json and template.json to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
