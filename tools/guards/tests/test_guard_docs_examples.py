"""Docs examples can't rot: no inline Python in the docs, and every included example is tested.

Every Python example in docs/**/*.md is a file under docs/examples/, pulled into its page with
a pymdownx.snippets include (`--8<-- "docs/examples/<package>/<name>.py"`). This guard fails
when a page holds an inline ```python fence, and when an included example is named by no test
under docs/examples/tests (each test loads its example by that relative path).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DOCS = ROOT / "docs"
EXAMPLE_TESTS = DOCS / "examples" / "tests"

# Pages not yet converted to included examples. PENDING: docs/packages/event-handler.md is being
# rewritten on another branch; the lead converts it after that merge, then removes it from here.
EXCLUDED: frozenset[str] = frozenset({"packages/event-handler.md"})

# Pages still waiting for their conversion in this pass (shrinks to empty, one package per commit).
NOT_YET_CONVERTED: frozenset[str] = frozenset(
    {
        "packages/common.md",
        "packages/data-classes.md",
        "packages/logger.md",
        "packages/metrics.md",
        "packages/tracer.md",
    }
)

# A python fence whose body is anything but a snippet include.
INLINE_PYTHON = re.compile(r"^[ \t]*(```|~~~)[ \t]*(python|py)\b[^\n]*\n(?![ \t]*--8<--)", re.MULTILINE)
INCLUDE = re.compile(r"""--8<--\s+["']([^"']+)["']""")


def _pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if "examples" not in p.relative_to(DOCS).parts)


def _checked_pages() -> list[Path]:
    skip = EXCLUDED | NOT_YET_CONVERTED
    return [p for p in _pages() if p.relative_to(DOCS).as_posix() not in skip]


def test_no_page_holds_an_inline_python_example() -> None:
    offenders = [
        f"{page.relative_to(ROOT)}:{page.read_text()[: m.start()].count(chr(10)) + 1}"
        for page in _checked_pages()
        for m in INLINE_PYTHON.finditer(page.read_text())
    ]
    assert offenders == [], f"inline ```python fences; move each into docs/examples/ and include it: {offenders}"


def test_every_included_example_exists_and_is_loaded_by_a_test() -> None:
    tests_text = "\n".join(p.read_text() for p in sorted(EXAMPLE_TESTS.glob("test_*.py")))
    missing: list[str] = []
    untested: list[str] = []
    for page in _pages():
        for include in INCLUDE.findall(page.read_text()):
            path = ROOT / include
            if not path.is_file():
                missing.append(f"{page.relative_to(ROOT)} -> {include}")
                continue
            relative = path.relative_to(DOCS / "examples").as_posix()
            if f'"{relative}"' not in tests_text:
                untested.append(f"{page.relative_to(ROOT)} -> {include}")
    assert missing == [], f"includes naming no file: {missing}"
    assert untested == [], f"examples no test under docs/examples/tests loads: {untested}"


def test_the_exclusions_name_real_pages() -> None:
    # A renamed or converted page must leave the lists, or the guard silently skips nothing.
    pages = {p.relative_to(DOCS).as_posix() for p in _pages()}
    assert pages >= (EXCLUDED | NOT_YET_CONVERTED)
    still_inline = {p for p in NOT_YET_CONVERTED if INLINE_PYTHON.search((DOCS / p).read_text())}
    assert still_inline == set(NOT_YET_CONVERTED), (
        f"converted pages to drop from NOT_YET_CONVERTED: {sorted(set(NOT_YET_CONVERTED) - still_inline)}"
    )
