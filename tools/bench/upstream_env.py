"""The upstream virtualenv: aws-lambda-powertools from PyPI, created on first use and reused.

One install command per creation (uv when on PATH, else venv + pip); later runs reuse
the environment as long as its stamp matches the requested spec and this Python version.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
VENVS_DIR = BENCH_DIR / ".venvs"
# The extras the workloads need (X-Ray SDK, pydantic, fastjsonschema); boto3 because Lambda ships it.
UPSTREAM_REQUIREMENT = "aws-lambda-powertools[tracer,parser,validation]"
EXTRA_REQUIREMENTS = ("boto3",)
STAMP = "bench-stamp.json"
INSTALL_TIMEOUT_S = 600


@dataclass(frozen=True)
class UpstreamEnv:
    path: Path
    python: Path
    version: str


@dataclass(frozen=True)
class Unavailable:
    reason: str


def venv_python(path: Path) -> Path:
    return path / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def default_path() -> Path:
    return VENVS_DIR / f"upstream-py{sys.version_info.major}.{sys.version_info.minor}"


def requirements(version: str | None) -> list[str]:
    pinned = f"{UPSTREAM_REQUIREMENT}=={version}" if version else UPSTREAM_REQUIREMENT
    return [pinned, *EXTRA_REQUIREMENTS]


def _installed_version(python: Path) -> str | None:
    probe = "import importlib.metadata as m; print(m.version('aws-lambda-powertools'))"
    done = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, check=False)
    return done.stdout.strip() if done.returncode == 0 else None


def _read_stamp(path: Path) -> dict[str, object]:
    try:
        loaded = json.loads((path / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _create(path: Path, wanted: list[str]) -> str | None:
    """Create the environment; None on success, else why it failed."""
    if path.exists():
        shutil.rmtree(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    uv = shutil.which("uv")
    if uv:
        commands = [
            [uv, "venv", "--quiet", "--python", sys.executable, str(path)],
            [uv, "pip", "install", "--quiet", "--python", str(venv_python(path)), *wanted],
        ]
    else:
        commands = [
            [sys.executable, "-m", "venv", str(path)],
            [str(venv_python(path)), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *wanted],
        ]
    for command in commands:
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"{command[0]} failed: {exc}"
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            return f"`{' '.join(command[:3])} ...` exited {done.returncode}: {' / '.join(tail)}"
    return None


def existing(path: Path | None = None) -> UpstreamEnv | None:
    """The environment if it was already created (never creates; the tests use this)."""
    path = path or default_path()
    python = venv_python(path)
    if not python.exists():
        return None
    version = _installed_version(python)
    return UpstreamEnv(path, python, version) if version else None


def ensure(path: Path | None = None, version: str | None = None, refresh: bool = False) -> UpstreamEnv | Unavailable:
    """Reuse or create the upstream environment. Never raises: a failure makes upstream "not available"."""
    path = path or default_path()
    wanted = requirements(version)
    stamp = _read_stamp(path)
    current = existing(path)
    if current and not refresh and stamp.get("requirements") == wanted:
        return current
    failure = _create(path, wanted)
    if failure:
        return Unavailable(f"could not create the upstream environment at {path}: {failure}")
    created = existing(path)
    if created is None:
        return Unavailable(f"aws-lambda-powertools is not importable in {path} after installing it")
    (path / STAMP).write_text(json.dumps({"requirements": wanted, "version": created.version}), encoding="utf-8")
    return created
