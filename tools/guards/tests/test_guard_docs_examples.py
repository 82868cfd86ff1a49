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

# A python fence whose body is anything but a snippet include.
INLINE_PYTHON = re.compile(r"^[ \t]*(```|~~~)[ \t]*(python|py)\b[^\n]*\n(?![ \t]*--8<--)", re.MULTILINE)
MANGLED_INCLUDE = re.compile(r"^[ \t]*-\s*-\s*8\s*<\s*-\s*-(?<!--8<--)")
INCLUDE = re.compile(r"""--8<--\s+["']([^"']+)["']""")


def _pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if "examples" not in p.relative_to(DOCS).parts)


def test_no_page_holds_an_inline_python_example() -> None:
    offenders = [
        f"{page.relative_to(ROOT)}:{page.read_text()[: m.start()].count(chr(10)) + 1}"
        for page in _pages()
        for m in INLINE_PYTHON.finditer(page.read_text())
    ]
    assert offenders == [], f"inline ```python fences; move each into docs/examples/ and include it: {offenders}"


def test_no_include_was_rewritten_by_a_formatter() -> None:
    # ruff >= 0.16 formats Python fences in Markdown and turns `--8<-- "x.py"` into `--8 < --"x.py"`,
    # which the snippets extension leaves as literal text; ruff.toml keeps docs/**/*.md out of it.
    mangled = [
        f"{page.relative_to(ROOT)}:{number}"
        for page in _pages()
        for number, line in enumerate(page.read_text().splitlines(), start=1)
        if MANGLED_INCLUDE.match(line)
    ]
    assert mangled == [], f'snippet includes rewritten by a code formatter; restore `--8<-- "..."`: {mangled}'


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
