"""The README's example, run as a script in a fresh interpreter, prints what the README shows."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

README = (Path(__file__).parents[1] / "README.md").read_text()


def test_readme_example_prints_the_documents_shown(tmp_path):
    code = re.search(r"```python\n(.*?)```", README, re.DOTALL).group(1)
    shown = re.search(r"```json\n(.*?)```", README, re.DOTALL).group(1).splitlines()
    script = tmp_path / "example.py"
    script.write_text(code)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POWERTOOLS_", "DD_"))}

    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True, env=env)

    printed = [json.loads(line) for line in run.stdout.splitlines()]
    expected = [json.loads(line) for line in shown]
    for document in (*printed, *expected):
        document["_aws"]["Timestamp"] = 0  # the current time when run
    assert printed == expected
