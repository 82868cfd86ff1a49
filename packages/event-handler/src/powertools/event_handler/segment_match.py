"""Matching a path segment that mixes literals and ``<name>`` parameters, in linear time.

A rule such as ``/files/<name>.<ext>`` or ``/range/<a>-<b>-<c>`` compiles (upstream) to a
regex whose groups use one character class that also contains the literals (``-``, ``.``):
on a long segment that fails to match, the regex engine tries every split, which is
quadratic or worse in the segment's length (seconds for a 2 KB path). This module gives
the same answers as that regex, greedy groups included, without backtracking.

For literals ``L0 G1 L1 G2 ... Gk Lk`` (``Gi`` one or more class characters): working from
the right, ``starts[i]`` holds every position where ``Li Gi+1 ... Lk`` can match up to the end;
then, from the left, each group takes the longest span that still lets the rest match, which
is what a greedy regex settles on.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["MixedSegment"]

_PARAM = re.compile(r"<(\w+)>")


class MixedSegment:
    """One rule segment with at least one ``<name>`` and some literal text."""

    __slots__ = ("class_runs", "literals", "names", "patterns")

    def __init__(self, segment: str, class_runs: re.Pattern[str]) -> None:
        parts = _PARAM.split(segment)  # literal, name, literal, name, ..., literal
        self.literals: list[str] = parts[0::2]
        self.names: list[str] = parts[1::2]
        self.class_runs = class_runs  # one or more parameter characters
        # In upstream's regex a "." in a rule matches any character but a newline; other literal
        # characters match themselves. Literals without "." are found with str.find.
        self.patterns = [
            re.compile("".join("[^\n]" if ch == "." else re.escape(ch) for ch in literal)) if "." in literal else None
            for literal in self.literals
        ]

    def _at(self, i: int, text: str, position: int) -> bool:
        pattern = self.patterns[i]
        if pattern is None:
            return text.startswith(self.literals[i], position)
        return pattern.match(text, position) is not None

    def _occurrences(self, i: int, text: str, start: int) -> list[int]:
        literal, pattern = self.literals[i], self.patterns[i]
        if pattern is None:
            found, position = [], text.find(literal, start)
            while position != -1:
                found.append(position)
                position = text.find(literal, position + 1)
            return found
        return [p for p in range(start, len(text) - len(literal) + 1) if pattern.match(text, p)]

    def match(self, text: str) -> dict[str, str] | None:
        literals, n = self.literals, len(text)
        first, last = literals[0], literals[-1]
        if n < len(first) + len(last) + len(self.names):
            return None
        if not self._at(0, text, 0) or not self._at(len(literals) - 1, text, n - len(last)):
            return None
        run_end = self._run_ends(text)
        count = len(self.names)
        # starts[i]: sorted positions p where literals[i] + (group + literal)* ... matches text[p:].
        starts: list[list[int]] = [[] for _ in range(count + 1)]
        starts[count] = [n - len(last)]
        for i in range(count - 1, 0, -1):
            literal, after = literals[i], starts[i + 1]
            found = []
            for position in self._occurrences(i, text, len(first)):
                group_start = position + len(literal)
                # A group of at least one class character must reach one of the next starts.
                low = bisect.bisect_left(after, group_start + 1)
                if low < len(after) and after[low] <= run_end[group_start]:
                    found.append(position)
            if not found:
                return None
            starts[i] = found
        values: dict[str, str] = {}
        start = len(first)
        for i, name in enumerate(self.names, start=1):
            candidates = starts[i]
            # The longest group: the last start reachable through class characters only.
            high = bisect.bisect_right(candidates, run_end[start]) - 1
            if high < 0 or candidates[high] < start + 1:
                return None
            end = candidates[high]
            values[name] = text[start:end]
            start = end + len(literals[i])
        return values

    def _run_ends(self, text: str) -> list[int]:
        """run_end[p]: the end of the run of class characters containing p (p itself if none)."""
        ends = list(range(len(text) + 1))
        for run in self.class_runs.finditer(text):
            start, end = run.span()
            ends[start:end] = [end] * (end - start)
        return ends
