"""Run mypy over every package's src/ tree as one program.

Packages share the `powertools` namespace, so mypy needs each src/ directory
on its search path; mypy.ini cannot glob them, this script can.
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


def main(argv: list[str]) -> int:
    roots = source_roots()
    env = dict(os.environ, MYPYPATH=os.pathsep.join(str(r) for r in roots))
    targets = argv or [str(r) for r in roots]
    return subprocess.call([sys.executable, "-m", "mypy", *targets], env=env, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
