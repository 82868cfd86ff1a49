import subprocess
import sys

import pytest

HEAVY = ("boto3", "botocore", "pydantic", "jmespath", "aws_xray_sdk", "dataclasses", "uuid", "inspect")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_import_common_loads_nothing_heavy() -> None:
    assert _loaded_after("import powertools.common").isdisjoint(HEAVY)


def test_encoder_import_stays_light() -> None:
    assert _loaded_after("from powertools.common import Encoder").isdisjoint(HEAVY)


def test_lazy_exports_resolve_and_cache() -> None:
    import powertools.common as common

    assert common.Encoder.__module__ == "powertools.common.encoder"
    assert "Encoder" in vars(common)
    assert "lambda_handler_decorator" in dir(common)
    with pytest.raises(AttributeError, match="has no attribute 'Nope'"):
        common.Nope  # type: ignore[attr-defined]  # noqa: B018


def test_envelope_constants_do_not_load_jmespath() -> None:
    loaded = _loaded_after("from powertools.common.jmespath import envelopes, query")
    assert "jmespath" not in loaded


def test_function_named_like_its_module_wins(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    import pathlib

    root = pathlib.Path(str(tmp_path))
    pkg = root / "lazypkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text(
        "from powertools.common.lazy import lazy_exports\n"
        "__getattr__, __dir__ = lazy_exports(__name__, {'validator': '.validator', 'helpers': '.helpers'})\n"
    )
    (pkg / "validator.py").write_text("def validator():\n    return 'function'\n")
    (pkg / "helpers.py").write_text("X = 1\n")
    monkeypatch.syspath_prepend(str(root))
    import lazypkg  # type: ignore[import-not-found]

    assert lazypkg.validator() == "function"
    assert lazypkg.helpers.X == 1
