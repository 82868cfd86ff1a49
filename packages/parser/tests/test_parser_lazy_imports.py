"""Importing the package is cheap: no pydantic, and a model import builds only its own module."""

from __future__ import annotations

import json
import subprocess
import sys


def _modules_after(code: str) -> list[str]:
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded: list[str] = json.loads(out.stdout.strip().splitlines()[-1])
    return loaded


def test_package_import_does_not_import_pydantic() -> None:
    loaded = _modules_after("import powertools.parser")
    assert "pydantic" not in loaded
    assert [m for m in loaded if m.startswith("powertools.parser")] == ["powertools.parser"]


def test_one_model_builds_only_its_module() -> None:
    loaded = _modules_after("from powertools.parser.models import SqsModel")
    assert [m for m in loaded if m.startswith("powertools.parser.models.")] == ["powertools.parser.models.sqs"]


def test_one_envelope_builds_only_its_models() -> None:
    loaded = _modules_after("from powertools.parser.envelopes import SqsEnvelope")
    assert [m for m in loaded if m.startswith("powertools.parser.models.")] == ["powertools.parser.models.sqs"]
    assert "powertools.parser.envelopes.sns" not in loaded


def test_public_names_resolve() -> None:
    import powertools.parser as parser

    for name in parser.__all__:
        assert getattr(parser, name) is not None
    from powertools.parser import envelopes

    for name in envelopes.__all__:
        assert getattr(envelopes, name) is not None
