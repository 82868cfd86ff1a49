"""Sample events for workloads, read straight from the shared event files.

The upstream virtualenv does not have powertools_testing installed, so this
reads the JSON files by path with the standard library only.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

EVENTS_DIR = Path(__file__).resolve().parents[1] / "testing" / "src" / "powertools_testing" / "events"


@cache
def _load(name: str) -> Any:
    path = EVENTS_DIR / f"{name}.json"
    if not path.is_file():
        raise FileNotFoundError(f"sample event {name!r} not found at {path}")
    return json.loads(path.read_text(encoding="utf-8"))


def load_event(name: str) -> Any:
    """A fresh deep copy of the named sample event, safe to modify."""
    return copy.deepcopy(_load(name))
