"""Footprint: bytes on disk each package brings, without boto3/botocore (the Lambda runtime has them).

Ours: `pip install --target` of the package and powertools-common from their local paths
(no index needed), plus the installed size of their third-party dependency closure.
Upstream: aws-lambda-powertools plus the extras the package needs, sized from the
distributions already installed in the upstream virtualenv (the same files pip put there).
Bytecode (`__pycache__`, *.pyc) is left out on both sides: it depends on the installer, not the package.
"""

from __future__ import annotations

import importlib.metadata as metadata
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tools.bench.packages import Package
from tools.bench.runner import REPO_ROOT

# Lambda's Python runtime ships these; their closure (s3transfer, urllib3, ...) is skipped with them.
RUNTIME_PROVIDED = frozenset({"boto3", "botocore"})
UPSTREAM = "aws-lambda-powertools"
INSTALL_TIMEOUT_S = 300


class FootprintError(RuntimeError):
    """A package could not be installed or sized."""


@dataclass(frozen=True)
class Footprint:
    bytes: int
    distributions: tuple[str, ...]


def _counted(path: Path) -> bool:
    return "__pycache__" not in path.parts and path.suffix != ".pyc"


def distribution_bytes(dist: metadata.Distribution) -> int:
    total = 0
    for file in dist.files or ():
        located = Path(str(dist.locate_file(file)))
        if _counted(located) and located.is_file():
            total += located.stat().st_size
    return total


class Environment:
    """Installed distributions looked up by canonical name, first match in `paths` order."""

    def __init__(self, paths: Sequence[str]) -> None:
        self._dists: dict[str, metadata.Distribution] = {}
        for dist in metadata.distributions(path=list(paths)):
            name = canonicalize_name(dist.metadata["Name"] or "")
            self._dists.setdefault(name, dist)

    def get(self, name: str) -> metadata.Distribution | None:
        return self._dists.get(canonicalize_name(name))

    def closure(self, roots: Iterable[tuple[str, frozenset[str]]]) -> list[metadata.Distribution]:
        """Distributions reachable from (name, extras) roots through their requirements, skipping RUNTIME_PROVIDED."""
        seen: dict[str, metadata.Distribution] = {}
        visited: set[tuple[str, frozenset[str]]] = set()
        pending = [(canonicalize_name(name), extras) for name, extras in roots]
        while pending:
            key, extras = pending.pop()
            if key in RUNTIME_PROVIDED or (key, extras) in visited:
                continue
            visited.add((key, extras))
            dist = self.get(key)
            if dist is None:
                raise FootprintError(f"{key} is required but not installed in the measured environment")
            seen[key] = dist
            for text in dist.requires or ():
                requirement = Requirement(text)
                if requirement.marker is None or any(
                    requirement.marker.evaluate({"extra": extra}) for extra in (extras or {""})
                ):
                    pending.append((canonicalize_name(requirement.name), frozenset(requirement.extras)))
        return sorted(seen.values(), key=lambda d: canonicalize_name(d.metadata["Name"] or ""))


def measure(envs: Environment, roots: Iterable[tuple[str, frozenset[str]]]) -> Footprint:
    dists = envs.closure(roots)
    names = tuple(f"{d.metadata['Name']}=={d.version}" for d in dists)
    return Footprint(sum(distribution_bytes(d) for d in dists), names)


def install_ours(packages: Sequence[Package], target: Path) -> dict[str, str]:
    """`pip install --target --no-deps` each local package (and common); returns {directory: error} failures."""
    failures: dict[str, str] = {}
    uv = shutil.which("uv")
    for directory in ["common", *(p.directory for p in packages)]:
        source = REPO_ROOT / "packages" / directory
        if not (source / "pyproject.toml").is_file():
            failures[directory] = f"packages/{directory} does not exist yet"
            continue
        if uv:
            command = [uv, "pip", "install", "--quiet", "--python", sys.executable, "--target", str(target)]
            command += ["--no-deps", "--no-build-isolation", str(source)]
        else:
            command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
            command += ["--target", str(target), "--no-deps", "--no-build-isolation", "--no-compile", str(source)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_S, check=False)
        if done.returncode != 0:
            failures[directory] = " / ".join(done.stderr.strip().splitlines()[-2:])
    return failures


def _with_extras(dist: metadata.Distribution | None, extras: Iterable[str]) -> frozenset[str]:
    offered = set(dist.metadata.get_all("Provides-Extra") or []) if dist else set()
    return frozenset(e for e in extras if e in offered)


def footprints(packages: Sequence[Package], upstream_site: str | None) -> dict[str, object]:
    """{"packages": [{name, ours, upstream, ...}], "all": {...}} with sizes in bytes (None: not available)."""
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="bench-footprint-") as tmp:
        failures = install_ours(packages, Path(tmp))
        # Our packages from the --target dir first; their dependencies from this interpreter's site-packages.
        ours_env = Environment([tmp, *(p for p in sys.path if p and Path(p).is_dir() and p != tmp)])
        upstream_env = Environment([upstream_site]) if upstream_site else None
        ours_roots: list[tuple[str, frozenset[str]]] = []
        upstream_extras: set[str] = set()
        for package in packages:
            row: dict[str, object] = {"name": package.utility, "ours": None, "upstream": None, "reason": ""}
            if package.directory in failures or "common" in failures:
                row["reason"] = failures.get(package.directory) or failures["common"]
            else:
                root = (package.distribution, _with_extras(ours_env.get(package.distribution), package.upstream_extras))
                try:
                    ours = measure(ours_env, [root])
                    row["ours"], row["ours_distributions"] = ours.bytes, list(ours.distributions)
                    ours_roots.append(root)
                except FootprintError as exc:
                    row["reason"] = str(exc)
            if upstream_env is not None:
                upstream = measure(upstream_env, [(UPSTREAM, frozenset(package.upstream_extras))])
                row["upstream"], row["upstream_distributions"] = upstream.bytes, list(upstream.distributions)
                upstream_extras.update(package.upstream_extras)
            rows.append(row)
        whole: dict[str, object] = {"ours": None, "upstream": None}
        if ours_roots:
            whole["ours"] = measure(ours_env, ours_roots).bytes
        if upstream_env is not None:
            whole["upstream"] = measure(upstream_env, [(UPSTREAM, frozenset(upstream_extras))]).bytes
    return {"packages": rows, "all": whole}
