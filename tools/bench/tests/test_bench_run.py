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
    assert set(document) == {"meta", "workloads", "cold_start", "footprint", "layers"}
    assert document["layers"] is None  # --only measures workloads, not layers
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


def test_publish_refuses_partial_runs_and_dirty_trees(tmp_path):
    import pytest

    args = run.parse_args(["--publish", "--quick", "--output", str(tmp_path)])
    with pytest.raises(run.UnpublishableRunError, match="only a full run"):
        run.check_publishable(args, "abc1234", [])
    full = run.parse_args(["--publish"])
    with pytest.raises(run.UnpublishableRunError, match=r"uncommitted changes: packages/logger/x\.py"):
        run.check_publishable(full, "abc1234", ["packages/logger/x.py"])
    run.check_publishable(full, "abc1234", [])  # a clean full run may publish
    run.check_publishable(run.parse_args(["--quick"]), "abc1234", ["dirty.py"])  # not publishing: anything goes


def test_published_results_name_a_commit_of_this_repository():
    import re
    import subprocess

    text = run.PUBLISHED.read_text()
    found = re.search(r"^Commit: ([0-9a-f]{7,40}) \(clean tree\)", text, re.MULTILINE)
    assert found, "RESULTS.md must come from `bench:all --publish` and name its commit"
    known = subprocess.run(["git", "cat-file", "-e", f"{found.group(1)}^{{commit}}"], cwd=run.REPO_ROOT)
    assert known.returncode == 0, f"commit {found.group(1)} is not in this repository"


def test_our_versions_are_the_trees_not_the_stale_install_metadata() -> None:
    import re

    from tools.bench.run import REPO_ROOT, _our_versions

    pyproject = (REPO_ROOT / "packages" / "common" / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"', pyproject, re.MULTILINE)
    assert version is not None
    assert _our_versions()["powertools-common"] == version.group(1)
