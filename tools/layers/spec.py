"""Which layers exist and what goes in each.

* one layer per package: that package, powertools-common and their required dependencies;
* **combined**: every utility, with the light dependencies only: the heavy libraries that
  parser (pydantic), tracer (aws-xray-sdk) and validation (fastjsonschema) load on first use
  are left out, as upstream's base install leaves them out;
* **extras**: every utility with all its dependencies, plus the optional ones users add for
  features (Redis for idempotency, OpenTelemetry for the tracer, ...).

Never in a layer: the AWS SDK and its dependencies. The Lambda runtime ships them, and a layer
on ``/opt/python`` comes first on ``sys.path``, so a bundled copy would shadow the runtime's.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
ARCHITECTURES = ("x86_64", "arm64")
PYTHON_VERSIONS = ("3.10", "3.11", "3.12", "3.13")
# The runtime's own SDK: boto3 and everything it depends on.
RUNTIME_PROVIDED = frozenset({"boto3", "botocore", "s3transfer", "jmespath", "python-dateutil", "six", "urllib3"})
# Required by one utility each, loaded only when that utility is used: in the extras layer and
# in that utility's own layer, not in the combined one.
HEAVY = frozenset({"pydantic", "aws-xray-sdk", "fastjsonschema"})
# Optional extras left out of the extras layer, with why.
EXTRAS_LEFT_OUT = {
    "aws-sdk": "the runtime ships boto3",
    "datadog": "Datadog's own Lambda layer ships datadog-lambda",
    "aiohttp": "only patched when the function already brings aiohttp",
}
# Lambda's limits for a layer uploaded directly, and for a function with its layers unzipped.
MAX_ZIPPED_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED_BYTES = 250 * 1024 * 1024


def host_platform() -> tuple[str, str]:
    """(Lambda architecture, Python X.Y) of the running interpreter: what an offline build can make."""
    import platform

    arch = {"x86_64": "x86_64", "aarch64": "arm64"}[platform.machine()]
    return arch, f"{sys.version_info.major}.{sys.version_info.minor}"


@dataclass(frozen=True)
class Layer:
    name: str  # e.g. "logger", "combined", "extras"
    requirements: tuple[str, ...]  # pip requirement strings, exact versions of our packages
    description: str
    # Installed without their dependencies (the combined layer picks its dependencies itself).
    without_dependencies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Distribution:
    name: str
    directory: Path
    version: str
    extras: tuple[str, ...]
    dependencies: tuple[str, ...] = ()


def distributions(root: Path = ROOT) -> list[Distribution]:
    found = []
    for directory in sorted((root / "packages").iterdir()):
        pyproject = directory / "pyproject.toml"
        if directory.name == "meta" or not pyproject.exists():
            continue
        project = tomllib.loads(pyproject.read_text())["project"]
        found.append(
            Distribution(
                project["name"],
                directory,
                project["version"],
                tuple(project.get("optional-dependencies", {})),
                tuple(project.get("dependencies", [])),
            )
        )
    return found


def layers(root: Path = ROOT) -> list[Layer]:
    dists = distributions(root)
    pinned = {d.name: f"{d.name}=={d.version}" for d in dists}
    result = [
        Layer(
            "combined",
            _light_dependencies(dists),
            "every powertools utility, without pydantic, aws-xray-sdk and fastjsonschema",
            without_dependencies=tuple(pinned[d.name] for d in dists),
        ),
        Layer(
            "extras",
            tuple(_with_extras(d) for d in dists),
            "every utility with its optional dependencies too (redis, OpenTelemetry, ...)",
        ),
    ]
    for d in dists:
        if d.name == "powertools-common":
            continue
        short = d.name.removeprefix("powertools-")
        result.append(Layer(short, (pinned["powertools-common"], pinned[d.name]), f"{d.name} and its dependencies"))
    return result


def requirement_name(requirement: str) -> str:
    return re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _light_dependencies(dists: list[Distribution]) -> tuple[str, ...]:
    """The third-party requirements of every utility, less the heavy ones and the runtime's SDK."""
    wanted = {
        r
        for d in dists
        for r in d.dependencies
        if not requirement_name(r).startswith("powertools-") and requirement_name(r) not in HEAVY | RUNTIME_PROVIDED
    }
    return tuple(sorted(wanted))


def _with_extras(dist: Distribution) -> str:
    wanted = [e for e in dist.extras if e not in EXTRAS_LEFT_OUT]
    return f"{dist.name}[{','.join(wanted)}]=={dist.version}" if wanted else f"{dist.name}=={dist.version}"
