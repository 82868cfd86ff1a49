"""``pip install powertools-lambda`` installs the pinned set, and every utility imports from it."""

from __future__ import annotations

import subprocess
import venv
from pathlib import Path

from tools.release import build, record


def test_meta_package_installs_every_pinned_utility(offline_wheelhouse: Path, tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    for state in record.package_states():
        build.build(state, wheels)
    venv.create(tmp_path / "venv", with_pip=True)
    python = str(tmp_path / "venv" / "bin" / "python")
    sources = ["--no-index", "--find-links", str(wheels), "--find-links", str(offline_wheelhouse)]
    install = subprocess.run(
        [python, "-m", "pip", "install", "-q", *sources, "powertools-lambda"],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stdout + install.stderr

    utilities = [s for s in record.package_states() if s.distribution != record.META]
    modules = ["powertools." + s.directory.name.replace("-", "_") for s in utilities]
    code = "import importlib, json, sys\nprint(json.dumps([importlib.import_module(m).__name__ for m in sys.argv[1:]]))"
    imported = subprocess.run([python, "-I", "-c", code, *modules], capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == str(modules).replace("'", '"')

    listed = subprocess.run([python, "-m", "pip", "list", "--format=freeze"], capture_output=True, text=True).stdout
    versions = dict(line.split("==") for line in listed.split())
    assert {s.distribution: versions.get(s.distribution) for s in utilities} == {
        s.distribution: s.version for s in utilities
    }
    # The meta package ships no code of its own: only metadata.
    (meta_wheel,) = wheels.glob("powertools_lambda-*.whl")
    import zipfile

    assert all(".dist-info/" in name for name in zipfile.ZipFile(meta_wheel).namelist())
