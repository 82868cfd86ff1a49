"""The README's example prints exactly what the README says it prints."""

from __future__ import annotations

from pathlib import Path

from powertools_testing.readme import run_readme_example

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_example_output_is_real() -> None:
    printed, shown = run_readme_example(README, section="Example")
    assert printed == shown


def test_readme_validation_example_output_is_real() -> None:
    printed, shown = run_readme_example(README, section="Data validation")
    assert printed == shown
