import pytest

from tools.bench.adapter import Api, UnknownFlavourError, module_path
from tools.bench.stats import EmptySampleError, Summary, ratio, summarize


def test_summary_of_odd_sample_is_median_and_inclusive_quartiles():
    summary = summarize([4.0, 100.0, 1.0, 3.0, 2.0])

    assert summary == Summary(n=5, median=3.0, q1=2.0, q3=4.0, minimum=1.0, maximum=100.0)
    assert summary.iqr == 2.0
    assert summary.spread == pytest.approx(2.0 / 3.0)
    assert summary.to_json() == {
        "n": 5,
        "median": 3.0,
        "q1": 2.0,
        "q3": 4.0,
        "minimum": 1.0,
        "maximum": 100.0,
        "iqr": 2.0,
        "spread": pytest.approx(2.0 / 3.0),
    }


def test_summary_of_even_sample_interpolates_the_median():
    summary = summarize([10.0, 20.0, 30.0, 40.0])

    assert (summary.median, summary.q1, summary.q3) == (25.0, 17.5, 32.5)


def test_single_sample_has_no_spread():
    assert summarize([7.0]) == Summary(n=1, median=7.0, q1=7.0, q3=7.0, minimum=7.0, maximum=7.0)
    assert summarize([7.0]).spread == 0.0


def test_empty_sample_is_a_typed_error():
    with pytest.raises(EmptySampleError, match="empty"):
        summarize([])


def test_ratio_of_medians_and_missing_sides():
    fast, slow = summarize([1.0, 2.0, 3.0]), summarize([4.0, 8.0, 12.0])

    assert ratio(fast, slow) == 0.25
    assert ratio(None, slow) is None
    assert ratio(fast, None) is None
    assert ratio(fast, summarize([0.0])) is None


@pytest.mark.parametrize(
    ("flavour", "dotted", "expected"),
    [
        ("ours", "logger", "powertools.logger"),
        ("upstream", "logger", "aws_lambda_powertools.logging"),
        ("upstream", "parser.envelopes", "aws_lambda_powertools.utilities.parser.envelopes"),
        ("ours", "idempotency.persistence.datarecord", "powertools.idempotency.persistence.datarecord"),
        ("upstream", "common.typing", "aws_lambda_powertools.utilities.typing"),
        ("upstream", "event_handler", "aws_lambda_powertools.event_handler"),
    ],
)
def test_module_paths_per_flavour(flavour, dotted, expected):
    assert module_path(flavour, dotted) == expected


def test_bare_has_no_library_and_unknown_utilities_are_named():
    with pytest.raises(UnknownFlavourError, match="'bare'"):
        Api("bare")
    with pytest.raises(KeyError, match="loggers"):
        module_path("ours", "loggers")
