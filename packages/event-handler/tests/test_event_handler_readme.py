"""The README's example prints what the README says it prints."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_example_output_is_real() -> None:
    text = README.read_text(encoding="utf-8")
    code = re.search(r"## Example\n\n```python\n(.*?)```", text, re.S)
    printed = re.search(r"prints\n\n```text\n(.*?)```", text, re.S)
    assert code is not None
    assert printed is not None

    done = subprocess.run([sys.executable, "-c", code.group(1)], capture_output=True, text=True, check=True)

    assert done.stdout == printed.group(1)
