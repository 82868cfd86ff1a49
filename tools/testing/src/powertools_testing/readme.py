"""Run a package README's example and return what it printed next to what the README shows.

A README example is the first ```python block (after ``## <section>`` when given); what it
prints is the ```text block after the next "prints" line. The example runs in a fresh
interpreter, without POWERTOOLS_*, LAMBDA_* and AWS_XRAY* variables, as a reader would run it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

LEFT_OUT_ENV = ("POWERTOOLS_", "AWS_XRAY", "LAMBDA_")


class ReadmeExampleError(AssertionError):
    """The README has no example in the expected shape, or the example failed."""


def run_readme_example(readme: Path, section: str | None = None, timeout: float = 60) -> tuple[str, str]:
    """(what the example printed, what the README says it prints)."""
    text = readme.read_text(encoding="utf-8")
    start = 0
    if section is not None:
        heading = re.search(rf"^## {re.escape(section)}\n", text, re.M)
        if heading is None:
            raise ReadmeExampleError(f"{readme} has no '## {section}' section")
        start = heading.end()
    code = re.compile(r"```python\n(.*?)```", re.S).search(text, start)
    if code is None:
        raise ReadmeExampleError(f"{readme} has no python example")
    shown = re.compile(r"prints[^\n]*\n\n```(?:text|json)\n(.*?)```", re.S).search(text, code.end())
    if shown is None:
        raise ReadmeExampleError(f"{readme}: no 'prints' block after the example")
    env = {k: v for k, v in os.environ.items() if not k.startswith(LEFT_OUT_ENV)}
    done = subprocess.run(
        [sys.executable, "-c", code.group(1)], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise ReadmeExampleError(f"{readme} example failed:\n{done.stderr}")
    return done.stdout, shown.group(1)
