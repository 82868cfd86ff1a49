# The multiplication sign is what the report prints.
# ruff: noqa: RUF001
import importlib.util
import json

from tools.bench import report
from tools.bench.runner import FlavourResult, WorkloadResult
from tools.bench.stats import summarize
from tools.bench.workloads.base import Target, Workload


def _result(name, target, medians, fingerprints=None):
    workload = Workload(
        name=name, utility="logger", description=f"{name} work", build=lambda api: lambda: None, target=target
    )
    flavours = {}
    for flavour, median in medians.items():
        if median is None:
            flavours[flavour] = FlavourResult(status="not available", reason=f"no {flavour}")
        else:
            fingerprint = (fingerprints or {}).get(flavour, "same")
            flavours[flavour] = FlavourResult(
                summary=summarize([median * 0.9, median, median * 1.1]), fingerprint=fingerprint
            )
    return WorkloadResult(workload, flavours)


def _rows():
    return report.workload_rows(
        [
            _result("small", Target(0.5), {"ours": 1_000.0, "upstream": 4_000.0, "bare": 500.0}),
            _result("large", Target(1.5, "small"), {"ours": 2_000.0, "upstream": None, "bare": 2_500.0}),
            _result("odd", Target(1.2, "bare"), {"ours": 3_000.0, "upstream": 3_000.0, "bare": 2_000.0}, {"bare": "x"}),
        ]
    )


def test_workload_rows_carry_ratios_targets_and_verdicts():
    small, large, odd = _rows()

    assert small["ratios"] == {"ours/upstream": 0.25, "ours/bare": 2.0}
    assert small["target"] == {"ratio": 0.5, "against": "upstream", "achieved": 0.25, "verdict": "pass"}
    assert small["flavours"]["ours"]["summary"]["median"] == 1_000.0
    assert small["same_result"] is True
    # A target against another workload compares ours with ours.
    assert large["target"] == {"ratio": 1.5, "against": "small", "achieved": 2.0, "verdict": "miss"}
    assert large["ratios"]["ours/upstream"] is None
    assert large["flavours"]["upstream"] == {
        "status": "not available",
        "reason": "no upstream",
        "summary": None,
        "fingerprint": None,
    }
    assert odd["target"]["verdict"] == "miss"
    assert odd["same_result"] is False
    json.dumps(small)  # the JSON document holds only JSON types


def test_markdown_table_rows_and_notes():
    lines = report.workloads_markdown(_rows())

    assert lines[0] == "| workload | ours | upstream | bare | ours/upstream | ours/bare | target | same result |"
    assert lines[1] == "|---|---:|---:|---:|---:|---:|---|:---:|"
    assert lines[2] == "| small | 1 µs ±5% | 4 µs ±5% | 500 ns ±5% | 0.25× | 2.00× | ≤0.5× upstream: ✅ pass | ✓ |"
    assert lines[3] == "| large | 2 µs ±5% | n/a | 2.5 µs ±5% | n/a | 0.80× | ≤1.5× small: ❌ miss | ✓ |"
    assert lines[4] == "| odd | 3 µs ±5% | 3 µs ±5% | 2 µs ±5% | 1.00× | 1.50× | ≤1.2× bare: ❌ miss | ✗ differs |"
    assert lines[5:] == ["", "Not measured:", "", "- upstream, not available: no upstream (large)"]


def test_whole_document_markdown_has_every_section():
    document = {
        "meta": {
            "mode": "quick",
            "date": "2026-11-29",
            "python": "3.11.7",
            "platform": "Linux",
            "cpus": 2,
            "upstream_version": "3.0.0",
        },
        "workloads": _rows(),
        "cold_start": {
            "packages": [
                {
                    "name": "logger",
                    "ours_ms": 20.0,
                    "upstream_ms": 50.0,
                    "ratio": 0.4,
                    "lambda_ours_ms": 2.0,
                    "lambda_upstream_ms": 80.0,
                    "lambda_ratio": 0.025,
                    "target": {"ratio": 0.4, "against": "upstream", "achieved": 0.025, "verdict": "pass"},
                    "top_imports": {
                        "ours": [{"module": "powertools.logger", "self_us": 100, "cumulative_us": 1500, "depth": 1}]
                    },
                    "reasons": {},
                },
                {
                    "name": "tracer",
                    "ours_ms": None,
                    "upstream_ms": 90.0,
                    "ratio": None,
                    "lambda_ours_ms": None,
                    "lambda_upstream_ms": 75.0,
                    "lambda_ratio": None,
                    "target": None,
                    "top_imports": {},
                    "reasons": {"ours": "package not installed"},
                },
            ],
            "baseline_ms": {"ours": 30.0, "ours, in Lambda": 45.0, "upstream": 9.0, "bare": 30.0},
            "lambda_runtime_imports": "import json, logging",
        },
        "footprint": {
            "packages": [{"name": "logger", "ours": 102_400, "upstream": 1_024_000, "reason": ""}],
            "all": {"ours": 204_800, "upstream": 2_048_000},
        },
    }

    text = report.markdown(document)

    assert text.startswith(
        "# Benchmarks (quick)\n\n2026-11-29 · Python 3.11.7 · Linux · 2 CPUs · upstream aws-lambda-powertools 3.0.0\n"
    )
    assert "## Per invocation" in text
    assert "| logger | 2.0 ms | 80.0 ms | 0.03× | ≤0.4× upstream: ✅ pass | 20.0 ms | 50.0 ms | 0.40× |" in text
    assert "| tracer | n/a | 75.0 ms | n/a |  | n/a | 90.0 ms | n/a |" in text
    assert (
        "Subtracted an empty program (`python -S`, same sys.path): 30.0 ms (ours), 45.0 ms (ours, in Lambda), "
        "9.0 ms (upstream)."
    ) in text
    assert "In Lambda: the program and its empty baseline first run `import json, logging`" in text
    assert "- logger [ours]: `powertools.logger` 1.5 ms" in text
    assert "- tracer [ours]: package not installed" in text
    assert "| logger | 100 KiB | 1,000 KiB | 0.10× |" in text
    assert "| **all packages** | 200 KiB | 2,000 KiB | 0.10× |" in text


def test_plot_writes_a_png_or_says_why_not(tmp_path):
    document = {"workloads": _rows(), "cold_start": None}
    path = tmp_path / "bench.png"

    outcome = report.plot(document, path)

    # matplotlib belongs to the bench environment; without it the run still succeeds and says so.
    if importlib.util.find_spec("matplotlib") is None:
        assert outcome == "matplotlib is not installed: no plot (pip install matplotlib)"
        assert not path.exists()
    else:
        assert outcome is None
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
