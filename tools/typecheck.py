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


def main(argv: list[str]) -> int:
    roots = source_roots()
    folders = example_folders()
    env = dict(os.environ, MYPYPATH=os.pathsep.join(str(r) for r in [*roots, *folders]))
    targets = argv or [str(r) for r in [*roots, *folders]]
    return subprocess.call([sys.executable, "-m", "mypy", *targets], env=env, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
