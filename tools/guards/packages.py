"""What the guards know about the repository's packages."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
PACKAGES_DIR = ROOT / "packages"
# The meta package only pins the set; it has no code of its own.
NOT_UTILITIES = frozenset({"meta"})

# Imports that come with a declared distribution under another name.
PROVIDED_BY = {
    "boto3": {"boto3", "botocore", "s3transfer"},
    "aws-xray-sdk": {"aws_xray_sdk"},
    "pyyaml": {"yaml"},
    "opentelemetry-sdk": {"opentelemetry"},
    "opentelemetry-api": {"opentelemetry"},
    "redis": {"redis"},
    "pydantic": {"pydantic", "pydantic_core", "annotated_types"},
    "typing-extensions": {"typing_extensions"},
}


@dataclass(frozen=True)
class Package:
    directory: Path
    distribution: str
    version: str
    module: str  # e.g. "logger" for powertools.logger
    requirements: frozenset[str]  # normalized distribution names, extras included

    @property
    def src(self) -> Path:
        return self.directory / "src" / "powertools" / self.module

    def allowed_third_party(self) -> set[str]:
        allowed: set[str] = set()
        for requirement in self.requirements:
            allowed |= PROVIDED_BY.get(requirement, {requirement.replace("-", "_")})
        return allowed


def _normalize(requirement: str) -> str:
    name = requirement.split(";")[0]
    for sep in "<>=!~[ (":
        name = name.split(sep)[0]
    return name.strip().lower().replace("_", "-")


def load(directory: Path) -> Package:
    project = tomllib.loads((directory / "pyproject.toml").read_text())["project"]
    requirements = {_normalize(r) for r in project.get("dependencies", [])}
    for extra in project.get("optional-dependencies", {}).values():
        requirements |= {_normalize(r) for r in extra}
    module_dirs = [
        p.name for p in (directory / "src" / "powertools").iterdir() if p.is_dir() and p.name != "__pycache__"
    ]
    if len(module_dirs) != 1:
        raise AssertionError(f"{directory} must hold exactly one module under src/powertools, found {module_dirs}")
    return Package(directory, project["name"], project["version"], module_dirs[0], frozenset(requirements))


def utilities() -> list[Package]:
    return [
        load(d)
        for d in sorted(PACKAGES_DIR.iterdir())
        if (d / "pyproject.toml").exists() and d.name not in NOT_UTILITIES
    ]


def imports_of(path: Path) -> Iterator[tuple[int, str]]:
    """Absolute imported module names in a source file, with line numbers."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module


def is_stdlib(top_level: str) -> bool:
    return top_level in sys.stdlib_module_names or top_level == "__future__"
