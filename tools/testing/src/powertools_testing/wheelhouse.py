"""An offline wheelhouse: wheels of this repo's packages plus the installed third-party ones.

The install-from-source guard runs ``pip install --no-index`` the way a user runs the
README's line, but tests never reach the network. Third-party dependencies (and hatchling,
which pip's isolated build needs) are repacked as wheels from the distributions already
installed in the test environment: a wheel is a zip of a distribution's files and its
``.dist-info``, which is exactly what site-packages holds for each of them.
"""

from __future__ import annotations

import importlib.metadata
import re
import zipfile
from pathlib import Path

_NORMALIZE = re.compile(r"[-_.]+")


def _wheel_name(dist: importlib.metadata.Distribution) -> str:
    name = _NORMALIZE.sub("_", dist.metadata["Name"])
    wheel_file = dist.read_text("WHEEL") or ""
    tags = [line.split(":", 1)[1].strip().split("-") for line in wheel_file.splitlines() if line.startswith("Tag:")]
    if not tags:
        return f"{name}-{dist.version}-py3-none-any.whl"
    # A compressed tag set (PEP 425): each part joins its distinct values with dots.
    parts = [".".join(dict.fromkeys(tag[i] for tag in tags)) for i in range(3)]
    return f"{name}-{dist.version}-{'-'.join(parts)}.whl"


def repack(distribution: str, into: Path) -> Path:
    """Write the installed ``distribution`` as a wheel into ``into`` and return its path."""
    dist = importlib.metadata.distribution(distribution)
    target = into / _wheel_name(dist)
    root = Path(str(dist.locate_file("")))
    with zipfile.ZipFile(target, "w") as wheel:
        for file in dist.files or ():
            path = root / file
            # Scripts live outside site-packages (../../bin); pip recreates them from entry points.
            if path.is_file() and "__pycache__" not in file.parts and ".." not in file.parts:
                wheel.write(path, file.as_posix())
    return target


def requirement_closure(*distributions: str) -> set[str]:
    """The named distributions and every installed distribution they require, transitively."""
    seen: set[str] = set()
    pending = list(distributions)
    while pending:
        name = _NORMALIZE.sub("-", pending.pop()).lower()
        if name in seen:
            continue
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue  # an optional or platform-specific requirement that isn't installed
        seen.add(name)
        for requirement in dist.requires or ():
            if "extra ==" in requirement:
                continue
            pending.append(re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0])
    return seen


def build_wheelhouse(into: Path, packages_dir: Path) -> Path:
    """Wheels for hatchling and every third-party requirement (extras included) of packages_dir/*."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

    into.mkdir(parents=True, exist_ok=True)
    roots = {"hatchling"}
    for pyproject in packages_dir.glob("*/pyproject.toml"):
        project = tomllib.loads(pyproject.read_text())["project"]
        requirements = list(project.get("dependencies", []))
        for extra in project.get("optional-dependencies", {}).values():
            requirements += extra
        for requirement in requirements:
            name = re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0]
            if not name.startswith("powertools-"):
                roots.add(name)
    for name in sorted(requirement_closure(*roots)):
        repack(name, into)
    return into
