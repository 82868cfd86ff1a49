"""The figures the reliability suite reports: cases tried, faults injected, invocations run.

Tests add to the one ``LEDGER`` as they run; the suite's conftest tells the ledger which
test is running and how it ended, and writes the table out when the session ends
(``summary.render``). A row says its claim held only if every test that filled it passed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["LEDGER", "Ledger", "Row"]


@dataclass
class Row:
    section: str  # fuzz, bounds, faults, load, secrets
    target: str
    claim: str = ""
    cases: int = 0
    faults: int = 0
    invocations: int = 0
    tests: set[str] = field(default_factory=set)
    failed: set[str] = field(default_factory=set)
    finished: set[str] = field(default_factory=set)
    known: set[str] = field(default_factory=set)  # xfailed: a bug named in test_reliability_known_bugs

    @property
    def status(self) -> str:
        if self.failed:
            return "FAILED"
        if self.known:
            return "known bug (xfail)"
        if self.tests and self.finished >= self.tests:
            return "held"
        return "incomplete"


@dataclass
class Ledger:
    rows: dict[tuple[str, str], Row] = field(default_factory=dict)
    current_test: str = ""

    def row(self, section: str, target: str, claim: str) -> Row:
        key = (section, target)
        row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = Row(section, target, claim)
        if self.current_test:
            row.tests.add(self.current_test)
        return row

    def case(self, section: str, target: str, claim: str, count: int = 1) -> None:
        self.row(section, target, claim).cases += count

    def fault(self, section: str, target: str, claim: str, count: int = 1) -> None:
        self.row(section, target, claim).faults += count

    def invocation(self, section: str, target: str, claim: str, count: int = 1) -> None:
        self.row(section, target, claim).invocations += count

    def finish(self, test: str, passed: bool, xfailed: bool = False) -> None:
        for row in self.rows.values():
            if test in row.tests:
                row.finished.add(test)
                if xfailed:
                    row.known.add(test)
                elif not passed:
                    row.failed.add(test)


LEDGER = Ledger()
