"""Routes mixing literals and <name> in one segment: upstream's answers, without backtracking.

The property test compares RouteTable with the regex upstream compiles for the same rule on
random segments (the number of cases is printed with ``pytest -s``). The hostile-path test
resolves a 10 KB segment that takes the regex engine far too long; it runs under an alarm of
a few seconds, a bound on catastrophic behaviour rather than a speed assertion.
"""

from __future__ import annotations

import os
import signal
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powertools.event_handler import APIGatewayRestResolver
from powertools.event_handler.route_table import RouteTable, compile_rule

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
TRIED: Counter[str] = Counter()
RULES = [
    "/range/<a>-<b>",
    "/range/<a>-<b>-<c>",
    "/files/<name>.<ext>",
    "/x<a>y<b>z",
    "/pair/<a><b>",
    "/v/<a>-<b>/tail/<c>",
    "/lit-<a>",
]


@pytest.fixture(scope="module", autouse=True)
def report_cases() -> Any:
    yield
    print("\nroute segment cases tried:", dict(sorted(TRIED.items())))


segment_text = st.text(alphabet="ab-.xyz%_~1", min_size=0, max_size=14)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rule=st.sampled_from(RULES), parts=st.lists(segment_text, min_size=1, max_size=4), trailing=st.booleans())
def test_same_answers_as_the_regex(rule: str, parts: list[str], trailing: bool) -> None:
    TRIED[rule] += 1
    path = "/" + "/".join(parts)
    if rule.count("/") == 2 and not trailing:
        path = rule.rsplit("/", 1)[0] + "/" + parts[0]  # mostly aim at the rule's own prefix
    table: RouteTable[str] = RouteTable(trailing_slashes=trailing)
    table.add("GET", rule, "route")
    found = table.match("GET", path)
    expected = compile_rule(rule.rstrip("/") if trailing else rule, trailing).match(path)
    if expected is None:
        assert found is None, (rule, path, found)
    else:
        assert found == ("route", expected.groupdict()), (rule, path)


@pytest.mark.parametrize(
    ("rule", "path", "expected"),
    [
        ("/range/<a>-<b>-<c>", "/range/1-2-3", {"a": "1", "b": "2", "c": "3"}),
        ("/range/<a>-<b>-<c>", "/range/1-2-3-4", {"a": "1-2", "b": "3", "c": "4"}),  # greedy, as the regex
        # "." in a rule is the regex's any-character, and groups are greedy: upstream's answers.
        ("/files/<name>.<ext>", "/files/report.final.pdf", {"name": "report.final.p", "ext": "f"}),
        ("/files/<name>.<ext>", "/files/report-pdf", {"name": "report-p", "ext": "f"}),
        ("/pair/<a><b>", "/pair/abc", {"a": "ab", "b": "c"}),
    ],
)
def test_known_answers(rule: str, path: str, expected: dict[str, str]) -> None:
    table: RouteTable[str] = RouteTable()
    table.add("GET", rule, "route")
    assert table.match("GET", path) == ("route", expected)
    assert compile_rule(rule).match(path).groupdict() == expected  # type: ignore[union-attr]


def _alarm(seconds: int) -> Any:
    def expired(signum: int, frame: Any) -> None:
        raise TimeoutError(f"route matching took over {seconds} s: catastrophic backtracking")

    return signal.signal(signal.SIGALRM, expired)


@pytest.mark.parametrize("length", [2_000, 10_000])
def test_a_hostile_segment_resolves_without_backtracking(length: int) -> None:
    app = APIGatewayRestResolver()

    @app.get("/range/<a>-<b>-<c>")
    def ranged(a: str, b: str, c: str) -> dict[str, str]:
        return {"a": a}

    previous = _alarm(5)
    signal.alarm(5)
    try:
        # "#" is outside the parameter characters: no split can match, and the regex would try them all.
        event = {"httpMethod": "GET", "path": "/range/" + "-" * length + "#", "headers": {}}
        response = app.resolve(event, None)
        ok = app.resolve({**event, "path": "/range/" + "-" * length + "a-b"}, None)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert response["statusCode"] == 404
    assert ok["statusCode"] == 200
