"""Layer sizes: ours built offline, upstream's staged from an environment that has it installed."""

import sysconfig

from tools.bench import layers, report


def test_layer_sizes_against_upstream_installed_here():
    # This test environment has aws-lambda-powertools[tracer,parser,validation] installed (tools/compat).
    section = layers.layer_sizes(sysconfig.get_paths()["purelib"])

    rows = {row["name"]: row for row in section["rows"]}
    assert list(rows) == ["logger", "combined", "extras"]
    assert rows["logger"]["ours_zipped"] < rows["combined"]["ours_zipped"] < rows["extras"]["ours_zipped"]
    upstream = rows["logger"]["upstream_zipped"]
    assert upstream is not None
    assert all(row["upstream_zipped"] == upstream for row in rows.values())
    assert rows["logger"]["ratio"] == rows["logger"]["ours_zipped"] / upstream
    assert rows["logger"]["target"] == 0.05
    assert rows["logger"]["verdict"] in ("pass", "miss")
    text = "\n".join(report.layers_markdown(section))
    assert "| logger |" in text
    assert "aws-lambda-powertools[tracer,parser,validation]" in text


def test_without_upstream_the_report_says_why():
    section = {
        "rows": [
            {"name": "logger", "ours_zipped": 2048, "ours_unzipped": 8192, "upstream_zipped": None, "ratio": None}
        ],
        "reason": "upstream not available",
        "upstream": "aws-lambda-powertools[tracer,parser,validation]",
    }
    text = "\n".join(report.layers_markdown(section))
    assert "| logger | 2 KiB | 8 KiB | n/a | n/a |  |" in text
    assert "Upstream not measured: upstream not available" in text
