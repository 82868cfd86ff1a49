"""Import cost and public API shape: cheap root, upstream's names and submodules."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("fastjsonschema", "jmespath", "boto3", "botocore", "pydantic", "aws_xray_sdk", "urllib.request", "logging")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_importing_the_package_and_its_functions_loads_nothing_heavy() -> None:
    loaded = _loaded_after("from powertools.validation import validate, validator, SchemaValidationError")
    assert loaded.isdisjoint(HEAVY)


def test_decorating_a_handler_still_defers_fastjsonschema_and_jmespath() -> None:
    code = (
        "from powertools.validation import validator\n"
        "@validator(inbound_schema={'type': 'object'}, envelope='detail')\n"
        "def handler(event, context): return event\n"
    )
    assert _loaded_after(code).isdisjoint({"fastjsonschema", "jmespath"})


def test_first_validation_loads_fastjsonschema() -> None:
    loaded = _loaded_after("from powertools.validation import validate\nvalidate({}, {'type': 'object'})")
    assert "fastjsonschema" in loaded
    assert "jmespath" not in loaded  # no envelope, no JMESPath


def test_public_names() -> None:
    import powertools.validation as validation
    from powertools.validation import envelopes, exceptions
    from powertools.validation.validator import validate, validator

    assert validation.validate is validate
    assert validation.validator is validator  # the function, not the submodule of the same name
    assert callable(validation.validator)
    assert validation.envelopes is envelopes
    assert exceptions.__all__ == ["SchemaValidationError", "InvalidSchemaFormatError", "InvalidEnvelopeExpressionError"]
    for name in validation.__all__:
        assert getattr(validation, name) is not None
    from pathlib import Path

    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text()
    assert f'version = "{validation.__version__}"' in pyproject  # one version, in both places
    assert validation.validate_data_against_schema({"a": 1}, {"type": "object"}) == {"a": 1}


def test_submodule_import_first_still_leaves_the_function_on_the_package() -> None:
    code = (
        "from powertools.validation.validator import validate\n"
        "import powertools.validation\n"
        "assert type(powertools.validation.validator).__name__ == 'function'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_importing_the_package_does_not_load_typing() -> None:
    # The root imports `validator` eagerly; that module keeps typing out of the cold start too.
    assert "typing" not in _loaded_after("import powertools.validation")
