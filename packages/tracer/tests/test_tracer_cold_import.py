"""Cold start: what a user module that imports, builds and decorates with Tracer makes Python load.

Every module loaded here is paid on each cold start, so modules only annotations
(``typing``) or only metadata encoding (``json``) need must stay off this path.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

USER_MODULE = textwrap.dedent(
    """
    from powertools.tracer import Tracer

    tracer = Tracer(service="x", disabled=True)

    @tracer.capture_method
    def work():
        return 1

    @tracer.capture_method(capture_response=False)
    def quiet():
        return 2

    @tracer.capture_lambda_handler
    def handler(event, context):
        tracer.put_annotation("Key", "value")
        tracer.put_metadata("key", {"a": 1})
        return work() + quiet()

    assert handler({}, None) == 3
    """
)


def _loaded_by(code: str) -> set[str]:
    """Modules a fresh interpreter holds after ``code`` that a bare one does not."""
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    baseline = "import sys\nprint(' '.join(sorted(sys.modules)))"
    after, before = (
        set(subprocess.run([sys.executable, "-c", c], capture_output=True, text=True, check=True).stdout.split())
        for c in (probe, baseline)
    )
    return after - before


def _offending(loaded: set[str], roots: set[str]) -> list[str]:
    return sorted(m for m in loaded if m.split(".")[0] in roots)


def test_import_construct_and_decorate_do_not_import_typing_or_json() -> None:
    loaded = _loaded_by(USER_MODULE)
    # json, base64 and numbers are for encoding metadata and annotations' types: a disabled tracer never needs them.
    offending = _offending(loaded, {"typing", "json", "numbers", "base64"})
    assert not offending, f"on the cold-start path of powertools.tracer: {offending}"


def test_import_construct_and_decorate_do_not_import_logging_or_re() -> None:
    # common's debug logger loads logging only once a record could be seen (Lambda loads it anyway)
    loaded = _loaded_by(USER_MODULE)
    offending = _offending(loaded, {"logging", "re", "traceback"})
    assert not offending, f"on the cold-start path of powertools.tracer: {offending}"


def test_annotation_value_is_still_importable_at_runtime() -> None:
    import numbers
    from typing import Union

    from powertools.tracer.base import AnnotationValue

    assert AnnotationValue == Union[str, numbers.Number, bool]
