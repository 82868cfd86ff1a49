"""Run mypy over every package's src/ tree as one program, and over the docs examples.

Packages share the `powertools` namespace, so mypy needs each src/ directory
on its search path; mypy.ini cannot glob them, this script can. The docs examples are
what users copy, so they are checked too; each example folder is on the path because
an example imports its siblings (``from orders_models import ...``) as a deployed Lambda does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def source_roots() -> list[Path]:
    roots = sorted(p / "src" for p in (ROOT / "packages").iterdir() if (p / "src").is_dir())
    return [*roots, ROOT / "tools" / "testing" / "src"]


def example_folders() -> list[Path]:
    examples = ROOT / "docs" / "examples"
    return sorted(p for p in examples.iterdir() if p.is_dir() and p.name not in ("tests", "__pycache__"))


def _mypy(targets: list[str], path: list[Path]) -> int:
    env = dict(os.environ, MYPYPATH=os.pathsep.join(str(p) for p in path))
    return subprocess.call([sys.executable, "-m", "mypy", *targets], env=env, cwd=ROOT)


def main(argv: list[str]) -> int:
    roots = source_roots()
    if argv:
        return _mypy(argv, roots)
    status = _mypy([str(r) for r in roots], roots)
    # One run per example folder: folders may hold files of the same name (getting_started.py).
    for folder in example_folders():
        status |= _mypy([str(folder)], [*roots, folder])
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
