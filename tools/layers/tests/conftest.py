"""One offline build of every layer for this platform, shared by the layer tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.layers import build
from tools.layers.spec import host_platform


@pytest.fixture(scope="session")
def built(offline_wheelhouse: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[build.BuiltLayer]]:
    out = tmp_path_factory.mktemp("layers")
    arch, python = host_platform()
    return out, build.build(out, [arch], [python], wheelhouse=offline_wheelhouse)
