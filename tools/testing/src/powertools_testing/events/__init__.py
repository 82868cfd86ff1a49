"""Sample Lambda events, one ``<name>.json`` file each in this folder."""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

__all__ = ["EVENTS_DIR", "EventNotFoundError", "event_names", "load_event"]

EVENTS_DIR = Path(__file__).resolve().parent


class EventNotFoundError(FileNotFoundError):
    """No ``<name>.json`` sample event exists."""


def event_names() -> list[str]:
    """Names accepted by :func:`load_event`, sorted (subfolders as ``dir/name``)."""
    return sorted(path.relative_to(EVENTS_DIR).with_suffix("").as_posix() for path in EVENTS_DIR.rglob("*.json"))


def load_event(name: str) -> Any:
    """A fresh copy parsed from ``events/<name>.json`` on every call, so tests may mutate it.

    Almost every event is a JSON object; a few (AppSync batch resolvers) are lists.
    """
    path = (EVENTS_DIR / f"{name.removesuffix('.json')}.json").resolve()
    if EVENTS_DIR not in path.parents or not path.is_file():
        raise EventNotFoundError(_not_found_message(name, path))
    return json.loads(path.read_text(encoding="utf-8"))


def _not_found_message(name: str, path: Path) -> str:
    names = event_names()
    close = difflib.get_close_matches(name, names, n=5, cutoff=0.5)
    if close:
        hint = f"Did you mean: {', '.join(close)}?"
    elif names:
        shown = ", ".join(names[:20]) + (", ..." if len(names) > 20 else "")
        hint = f"Available: {shown}."
    else:
        hint = f"No events exist yet in {EVENTS_DIR}."
    return f"no sample event {name!r} ({path} does not exist). {hint}"
