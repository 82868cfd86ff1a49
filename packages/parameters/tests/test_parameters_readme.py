"""The README's example prints exactly what the README says it prints (against moto)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_example_output_is_real(aws) -> None:
    text = README.read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S)
    shown = re.search(r"prints\n\n```text\n(.*?)```", text, re.S)
    assert code
    assert shown
    # The aws fixture points AWS_ENDPOINT_URL and fake credentials at moto; the child inherits them.
    printed = subprocess.run(
        [sys.executable, "-c", code.group(1)], capture_output=True, text=True, check=True, env=dict(os.environ)
    ).stdout
    assert printed == shown.group(1)
