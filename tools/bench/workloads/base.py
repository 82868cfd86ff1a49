"""The shape of a workload: one piece of per-invocation work, built per flavour.

A workload module imports only the standard library at module level: the
worker imports every workload module in every interpreter (the upstream
virtualenv has no powertools, ours has no aws_lambda_powertools).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tools.bench.adapter import Api

Call = Callable[[], Any]


@dataclass(frozen=True)
class Target:
    """A goal from a utility's issue: median ratio against `against` must be <= `ratio`.

    `against` is "upstream", "bare", or the name of another workload (same flavour, ours).
    """

    ratio: float
    against: str = "upstream"

    def describe(self) -> str:
        return f"≤{self.ratio:g}\u00d7 {self.against}"


def _identity(result: Any, lines: list[str]) -> Any:
    return result


@dataclass(frozen=True)
class Workload:
    """`build(api)` returns the call to time for ours/upstream; `bare()` the stdlib-only equivalent.

    `fingerprint(result, stdout_lines)` turns the first call's return value and printed lines into a
    JSON-able value that must be equal in every flavour: proof that each does the same work.
    """

    name: str
    utility: str
    description: str
    build: Callable[[Api], Call]
    bare: Callable[[], Call] | None = None
    fingerprint: Callable[[Any, list[str]], Any] = _identity
    target: Target | None = None
    env: Mapping[str, str] = field(default_factory=dict)


class LineSink:
    """A stdout stand-in that keeps only the last few printed lines, so timing loops use bounded memory."""

    def __init__(self, keep: int = 64) -> None:
        self._keep = keep
        self._lines: list[str] = []
        self._partial = ""

    def write(self, text: str) -> int:
        if "\n" not in text:
            self._partial += text
            return len(text)
        head, *rest = text.split("\n")
        self._lines.append(self._partial + head)
        self._lines.extend(rest[:-1])
        self._partial = rest[-1]
        if len(self._lines) > self._keep * 2:
            del self._lines[: -self._keep]
        return len(text)

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False

    def lines(self) -> list[str]:
        return self._lines[-self._keep :] + ([self._partial] if self._partial else [])

    def clear(self) -> None:
        self._lines.clear()
        self._partial = ""
