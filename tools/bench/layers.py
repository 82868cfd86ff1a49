"""Lambda layer sizes: our logger, combined and extras layers against upstream's layer.

Ours are built by tools/layers for this machine's architecture and Python, offline from
wheels repacked from this environment. Upstream's layer is staged from the upstream
virtualenv: aws-lambda-powertools with the extras our utilities cover (tracer, parser,
validation) and their dependencies, zipped the same reproducible way. Both leave out the AWS
SDK and its dependencies, which the Lambda runtime provides.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from tools.bench.footprint import Environment, FootprintError
from tools.bench.runner import REPO_ROOT

TARGETS = {"logger": 0.05, "combined": 0.6}
LAYERS = ("logger", "combined", "extras")
UPSTREAM_ROOT = ("aws-lambda-powertools", frozenset({"tracer", "parser", "validation"}))


def _ours(work: Path) -> dict[str, Any]:
    from powertools_testing.wheelhouse import build_wheelhouse
    from tools.layers import build
    from tools.layers.spec import host_platform

    wheelhouse = build_wheelhouse(work / "wheelhouse", REPO_ROOT / "packages")
    arch, python = host_platform()
    built = build.build(work / "ours", [arch], [python], wheelhouse=wheelhouse, only=LAYERS)
    return {b.name: {"zipped": b.zipped_bytes, "unzipped": b.unzipped_bytes, "file": b.file} for b in built}


def _upstream(work: Path, upstream_site: str) -> dict[str, int]:
    from tools.layers import reproducible_zip
    from tools.layers.spec import RUNTIME_PROVIDED

    staging = work / "upstream"
    staging.mkdir()
    for dist in Environment([upstream_site]).closure([UPSTREAM_ROOT]):
        if (dist.metadata["Name"] or "").lower() in RUNTIME_PROVIDED:
            continue
        root = Path(str(dist.locate_file("")))
        for file in dist.files or ():
            source = root / file
            if ".." in file.parts or not source.is_file():
                continue
            target = staging / file
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    zipped, unzipped = reproducible_zip.write(staging, work / "upstream.zip")
    return {"zipped": zipped, "unzipped": unzipped}


def layer_sizes(upstream_site: str | None) -> dict[str, Any]:
    """{"rows": [{name, ours_zipped, ours_unzipped, upstream_zipped, ratio, target, verdict}], "reason": ...}."""
    with tempfile.TemporaryDirectory(prefix="bench-layers-") as tmp:
        work = Path(tmp)
        ours = _ours(work)
        upstream: dict[str, int] | None = None
        reason = ""
        if upstream_site:
            try:
                upstream = _upstream(work, upstream_site)
            except FootprintError as exc:
                reason = str(exc)
        else:
            reason = "upstream not available"
    rows = []
    for name in LAYERS:
        row: dict[str, Any] = {"name": name, **{f"ours_{k}": v for k, v in ours[name].items()}}
        row["upstream_zipped"] = upstream["zipped"] if upstream else None
        row["upstream_unzipped"] = upstream["unzipped"] if upstream else None
        row["ratio"] = ours[name]["zipped"] / upstream["zipped"] if upstream else None
        row["target"] = TARGETS.get(name)
        if row["ratio"] is not None and row["target"] is not None:
            row["verdict"] = "pass" if row["ratio"] <= row["target"] else "miss"
        rows.append(row)
    return {"rows": rows, "reason": reason, "upstream": "aws-lambda-powertools[tracer,parser,validation]"}
