"""Library bugs the suite found and pins (tests/test_reliability_known_bugs.py holds their reproducers).

A fuzz case that trips one of them is not counted against its target's claim: the bug has its own
row, "known bug (xfail)", until it is fixed. ``known_bug(exc)`` names the bug an exception comes
from, by the library function that raised it; anything else still fails the fuzz case.
"""

from __future__ import annotations

import traceback

__all__ = ["KNOWN_BUGS", "known_bug"]

# (path suffix of the library module, function) of the frame raising -> the bug's name.
# Empty while no bug is open; a new one goes here with its strict-xfail reproducer.
KNOWN_BUGS: dict[tuple[str, str], str] = {}


def known_bug(exc: BaseException) -> str | None:
    """The known bug ``exc`` comes from (the innermost of its library frames that is one), or None."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        filename = frame.filename.replace("\\", "/")
        if "/powertools/" not in filename:
            continue
        for (suffix, function), name in KNOWN_BUGS.items():
            if filename.endswith(suffix) and frame.name == function:
                return name
    return None
