"""README's install-from-source line works: ``pip install packages/common packages/<name>``.

Run in a fresh venv with pip's own resolver and isolated build, offline: third-party wheels
come from a wheelhouse repacked from this environment (the ``offline_wheelhouse`` fixture), so the
test proves the local packages resolve each other, not that PyPI is reachable.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from tools.guards.packages import ROOT

README = (ROOT / "README.md").read_text()


def test_readme_shows_the_install_from_source_line() -> None:
    assert "pip install ./packages/common ./packages/logger" in README


def test_readme_line_installs_logger_and_its_example_runs(offline_wheelhouse: Path, tmp_path: Path) -> None:
    venv.create(tmp_path / "venv", with_pip=True)
    python = str(tmp_path / "venv" / "bin" / "python")
    install = [python, "-m", "pip", "install", "-q", "--no-index", "--find-links", str(offline_wheelhouse)]
    result = subprocess.run(
        [*install, "./packages/common", "./packages/logger"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr

    example = (
        "from powertools.logger import Logger\n"
        "logger = Logger(service='orders')\n"
        "logger.info('order created', extra={'order_id': 'o-1'})\n"
    )
    run = subprocess.run([python, "-I", "-c", example], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    record = __import__("json").loads(run.stdout)
    assert (record["level"], record["message"], record["service"], record["order_id"]) == (
        "INFO",
        "order created",
        "orders",
        "o-1",
    )
    # Nothing came from this checkout: the venv holds installed copies.
    where = subprocess.run(
        [python, "-I", "-c", "import powertools.logger as m; print(m.__file__)"], capture_output=True, text=True
    )
    assert "site-packages" in where.stdout, where.stdout + where.stderr


def test_wheelhouse_repacks_installed_distributions(offline_wheelhouse: Path) -> None:
    names = {p.name.split("-")[0].lower() for p in offline_wheelhouse.glob("*.whl")}
    assert {"hatchling", "jmespath"} <= names, names
    assert sys.version_info >= (3, 10)
