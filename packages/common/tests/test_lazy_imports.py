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
