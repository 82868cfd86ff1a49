"""The ledger as a Markdown table, written to build/ and (on request) into docs/reliability.md."""

from __future__ import annotations

import re
from pathlib import Path

from tools.reliability.ledger import Ledger

ROOT = Path(__file__).resolve().parents[2]
BUILD_FILE = ROOT / "build" / "reliability" / "SUMMARY.md"
DOCS_FILE = ROOT / "docs" / "reliability.md"
START, END = "<!-- reliability-summary:start -->", "<!-- reliability-summary:end -->"
SECTIONS = ("fuzz", "bounds", "faults", "load", "secrets")


def _figure(value: int) -> str:
    return f"{value:,}" if value else ""


def render(ledger: Ledger) -> str:
    order = {name: index for index, name in enumerate(SECTIONS)}
    rows = sorted(ledger.rows.values(), key=lambda r: (order.get(r.section, 99), r.section, r.target))
    lines = [
        "| section | target | cases tried | faults injected | invocations | what held | result |",
        "|---|---|---:|---:|---:|---|---|",
    ]
    for row in rows:
        target = row.target.replace("|", "\\|")
        claim = row.claim.replace("|", "\\|")
        lines.append(
            f"| {row.section} | {target} | {_figure(row.cases)} | {_figure(row.faults)} | "
            f"{_figure(row.invocations)} | {claim} | {row.status} |"
        )
    total = (
        f"**Total**: {sum(r.cases for r in rows):,} cases, {sum(r.faults for r in rows):,} faults, "
        f"{sum(r.invocations for r in rows):,} invocations; "
        f"{sum(r.status == 'held' for r in rows)} of {len(rows)} claims held."
    )
    return "\n".join([*lines, "", total, ""])


def write(ledger: Ledger, publish: bool) -> Path:
    """Write build/reliability/SUMMARY.md; with ``publish`` also replace the table in the docs page."""
    table = render(ledger)
    BUILD_FILE.parent.mkdir(parents=True, exist_ok=True)
    BUILD_FILE.write_text("# Reliability suite: last run\n\n" + table, encoding="utf-8")
    if publish and DOCS_FILE.exists():
        page = DOCS_FILE.read_text(encoding="utf-8")
        block = f"{START}\n{table}{END}"
        page = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: block, page, flags=re.S)
        DOCS_FILE.write_text(page, encoding="utf-8")
    return BUILD_FILE
