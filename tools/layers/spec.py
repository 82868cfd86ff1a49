"""Which layers exist and what goes in each.

* one layer per package: that package, powertools-common and their required dependencies;
* **combined**: every utility with its required dependencies;
* **extras**: the combined layer plus the optional dependencies users add for features
  (Redis for idempotency, OpenTelemetry for the tracer, ...).

Never in a layer: the AWS SDK and its dependencies. The Lambda runtime ships them, and a layer
on ``/opt/python`` comes first on ``sys.path``, so a bundled copy would shadow the runtime's.
"""

from __future__ import annotations

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
# Optional extras left out of the extras layer, with why.
EXTRAS_LEFT_OUT = {
    "aws-sdk": "the runtime ships boto3",
    "datadog": "Datadog's own Lambda layer ships datadog-lambda",
    "aiohttp": "only patched when the function already brings aiohttp",
}
# Lambda's limits for a layer uploaded directly, and for a function with its layers unzipped.
MAX_ZIPPED_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED_BYTES = 250 * 1024 * 1024


@dataclass(frozen=True)
class Layer:
    name: str  # e.g. "logger", "combined", "extras"
    requirements: tuple[str, ...]  # pip requirement strings, exact versions of our packages
    description: str


@dataclass(frozen=True)
class Distribution:
    name: str
    directory: Path
    version: str
    extras: tuple[str, ...]


def distributions(root: Path = ROOT) -> list[Distribution]:
    found = []
    for directory in sorted((root / "packages").iterdir()):
        pyproject = directory / "pyproject.toml"
        if directory.name == "meta" or not pyproject.exists():
            continue
        project = tomllib.loads(pyproject.read_text())["project"]
        found.append(
            Distribution(
                project["name"], directory, project["version"], tuple(project.get("optional-dependencies", {}))
            )
        )
    return found


def layers(root: Path = ROOT) -> list[Layer]:
    dists = distributions(root)
    pinned = {d.name: f"{d.name}=={d.version}" for d in dists}
    result = [
        Layer(
            "combined",
            tuple(pinned[d.name] for d in dists),
            "every powertools utility with its required dependencies",
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


def _with_extras(dist: Distribution) -> str:
    wanted = [e for e in dist.extras if e not in EXTRAS_LEFT_OUT]
    return f"{dist.name}[{','.join(wanted)}]=={dist.version}" if wanted else f"{dist.name}=={dist.version}"
