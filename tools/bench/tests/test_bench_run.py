"""The runner end to end, without the upstream virtualenv and with one tiny round."""

import importlib.util
import json

from tools.bench import run


def test_run_writes_json_markdown_and_plot(tmp_path, capsys):
    exit_code = run.main(
        [
            *("--quick", "--no-upstream", "--only", "parameters", "--skip", "footprint"),
            *("--rounds", "1", "--cold-runs", "1", "--output", str(tmp_path)),
        ]
    )

    assert exit_code == 0
    document = json.loads((tmp_path / "bench.json").read_text())
    assert set(document) == {"meta", "workloads", "cold_start", "footprint"}
    assert document["meta"]["mode"] == "quick"
    assert document["meta"]["upstream_unavailable"] == "--no-upstream"
    assert document["footprint"] is None
    (row,) = document["workloads"]
    assert row["name"] == "parameters.cached_get"
    assert set(row["flavours"]) == {"ours", "upstream", "bare"}
    assert row["flavours"]["upstream"]["status"] == "not available"
    assert row["flavours"]["bare"]["status"] == "ok"
    assert row["flavours"]["bare"]["summary"]["n"] == 7
    assert row["flavours"]["bare"]["fingerprint"] == "postgres://db.internal:5432/orders"
    assert [p["name"] for p in document["cold_start"]["packages"]] == ["parameters"]

    markdown = (tmp_path / "bench.md").read_text()
    assert markdown == capsys.readouterr().out
    assert "| parameters.cached_get |" in markdown
    assert "- upstream, not available: --no-upstream (parameters.cached_get)" in markdown
    assert (tmp_path / "bench.png").exists() == (importlib.util.find_spec("matplotlib") is not None)
