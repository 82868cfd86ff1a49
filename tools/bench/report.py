"""Turn results into the JSON document, the markdown tables and the ratio plot."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tools.bench.runner import WorkloadResult
from tools.bench.stats import ratio
from tools.bench.workloads.base import Target

NOT_AVAILABLE = "n/a"
TIMES = "\u00d7"  # the multiplication sign, spelled out for linters


def target_ratio(result: WorkloadResult, target: Target, by_name: Mapping[str, WorkloadResult]) -> float | None:
    if target.against in ("upstream", "bare"):
        return ratio(result.summary("ours"), result.summary(target.against))
    other = by_name.get(target.against)
    return ratio(result.summary("ours"), other.summary("ours") if other else None)


def verdict(value: float | None, limit: float | None) -> str | None:
    """ "pass" / "miss" against a ratio limit, None when either is unknown."""
    if value is None or limit is None:
        return None
    return "pass" if value <= limit else "miss"


def workload_rows(results: Sequence[WorkloadResult]) -> list[dict[str, Any]]:
    by_name = {r.workload.name: r for r in results}
    rows = []
    for result in results:
        workload = result.workload
        target = workload.target
        achieved = target_ratio(result, target, by_name) if target else None
        rows.append(
            {
                "name": workload.name,
                "utility": workload.utility,
                "description": workload.description,
                "flavours": {flavour: outcome.to_json() for flavour, outcome in result.flavours.items()},
                "ratios": {
                    "ours/upstream": ratio(result.summary("ours"), result.summary("upstream")),
                    "ours/bare": ratio(result.summary("ours"), result.summary("bare")),
                },
                "target": None
                if target is None
                else {
                    "ratio": target.ratio,
                    "against": target.against,
                    "achieved": achieved,
                    "verdict": verdict(achieved, target.ratio),
                },
                "same_result": result.same_result(),
            }
        )
    return rows


def format_time(ns: float) -> str:
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def format_summary(summary: Mapping[str, Any] | None) -> str:
    if not summary:
        return NOT_AVAILABLE
    return f"{format_time(summary['median'])} ±{summary['spread'] * 50:.0f}%"


def format_ratio(value: float | None) -> str:
    return NOT_AVAILABLE if value is None else f"{value:.2f}{TIMES}"


def format_target(target: Mapping[str, Any] | None) -> str:
    if not target:
        return ""
    limit = f"≤{target['ratio']:g}{TIMES} {target['against']}"
    if target["verdict"] is None:
        return f"{limit}: {NOT_AVAILABLE}"
    mark = "✅ pass" if target["verdict"] == "pass" else "❌ miss"
    return f"{limit}: {mark}"


def format_same(same: bool | None) -> str:
    return {True: "✓", False: "✗ differs", None: "—"}[same]


def _table(header: Sequence[str], align: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _reasons(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """One line per (flavour, status, reason), naming the workloads it applies to."""
    grouped: dict[tuple[str, str, str], list[str]] = {}
    for row in rows:
        for flavour, outcome in row["flavours"].items():
            if outcome["status"] != "ok":
                grouped.setdefault((flavour, outcome["status"], outcome["reason"]), []).append(row["name"])
    return [
        f"- {flavour}, {status}: {reason} ({', '.join(names)})" for (flavour, status, reason), names in grouped.items()
    ]


def workloads_markdown(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    table = _table(
        ["workload", "ours", "upstream", "bare", "ours/upstream", "ours/bare", "target", "same result"],
        ["---", "---:", "---:", "---:", "---:", "---:", "---", ":---:"],
        [
            [
                row["name"],
                format_summary(row["flavours"].get("ours", {}).get("summary")),
                format_summary(row["flavours"].get("upstream", {}).get("summary")),
                format_summary(row["flavours"].get("bare", {}).get("summary")),
                format_ratio(row["ratios"]["ours/upstream"]),
                format_ratio(row["ratios"]["ours/bare"]),
                format_target(row["target"]),
                format_same(row["same_result"]),
            ]
            for row in rows
        ],
    )
    notes = _reasons(rows)
    return table + (["", "Not measured:", "", *notes] if notes else [])


def cold_markdown(cold: Mapping[str, Any]) -> list[str]:
    rows = cold["packages"]

    def ms(value: float | None) -> str:
        return NOT_AVAILABLE if value is None else f"{value:.1f} ms"

    table = _table(
        [
            "package",
            "in Lambda: ours",
            "upstream",
            "ours/upstream",
            "target",
            "bare: ours",
            "upstream",
            "ours/upstream",
        ],
        ["---", "---:", "---:", "---:", "---", "---:", "---:", "---:"],
        [
            [
                row["name"],
                ms(row.get("lambda_ours_ms")),
                ms(row.get("lambda_upstream_ms")),
                format_ratio(row.get("lambda_ratio")),
                format_target(row["target"]),
                ms(row["ours_ms"]),
                ms(row["upstream_ms"]),
                format_ratio(row["ratio"]),
            ]
            for row in rows
        ],
    )
    baselines = ", ".join(
        f"{ms(value)} ({flavour})" for flavour, value in cold["baseline_ms"].items() if not flavour.startswith("bare")
    )
    preload = cold.get("lambda_runtime_imports", "")
    lines = [
        *table,
        "",
        f"Subtracted an empty program (`python -S`, same sys.path): {baselines}.",
        "",
        f"In Lambda: the program and its empty baseline first run `{preload}`, the standard modules",
        "Lambda's Python runtime has loaded before it imports the handler; targets apply there.",
        "Bare: from an interpreter that has loaded nothing but `os`.",
        "",
        "Top `-X importtime` entries in Lambda (cumulative):",
        "",
    ]
    for row in rows:
        for flavour in ("ours", "upstream"):
            top = row["top_imports"].get(flavour)
            if top:
                listed = ", ".join(f"`{e['module']}` {e['cumulative_us'] / 1000:.1f} ms" for e in top)
                lines.append(f"- {row['name']} [{flavour}]: {listed}")
    notes = [f"- {row['name']} [{f}]: {reason}" for row in rows for f, reason in row["reasons"].items()]
    return lines + (["", "Not measured:", "", *notes] if notes else [])


def footprint_markdown(footprint: Mapping[str, Any]) -> list[str]:
    def kib(value: int | None) -> str:
        return NOT_AVAILABLE if value is None else f"{value / 1024:,.0f} KiB"

    def share(ours: int | None, upstream: int | None) -> str:
        return format_ratio(ours / upstream if ours is not None and upstream else None)

    rows = [
        [r["name"], kib(r["ours"]), kib(r["upstream"]), share(r["ours"], r["upstream"])] for r in footprint["packages"]
    ]
    whole = footprint["all"]
    rows.append(
        ["**all packages**", kib(whole["ours"]), kib(whole["upstream"]), share(whole["ours"], whole["upstream"])]
    )
    table = _table(["package", "ours", "upstream", "ours/upstream"], ["---", "---:", "---:", "---:"], rows)
    notes = [f"- {r['name']}: {r['reason']}" for r in footprint["packages"] if r.get("reason")]
    return table + (["", "Not measured:", "", *notes] if notes else [])


def markdown(document: Mapping[str, Any]) -> str:
    meta = document["meta"]
    lines = [
        f"# Benchmarks ({meta['mode']})",
        "",
        f"{meta['date']} · Python {meta['python']} · {meta['platform']} · {meta['cpus']} CPUs · "
        f"upstream aws-lambda-powertools {meta.get('upstream_version') or NOT_AVAILABLE}",
        "",
        f"Tree: commit {meta.get('commit') or NOT_AVAILABLE}"
        + (f" plus uncommitted changes ({len(meta['uncommitted'])} paths)" if meta.get("uncommitted") else ""),
        "",
    ]
    if document.get("workloads") is not None:
        lines += [
            "## Per invocation",
            "",
            "Median time per call ± half the interquartile range; ratios below 1 mean ours is faster.",
            "",
            *workloads_markdown(document["workloads"]),
            "",
        ]
    if document.get("cold_start") is not None:
        lines += ["## Cold start (import of the entry point)", "", *cold_markdown(document["cold_start"]), ""]
    if document.get("footprint") is not None:
        lines += ["## Footprint on disk (without boto3/botocore)", "", *footprint_markdown(document["footprint"]), ""]
    if document.get("layers") is not None:
        lines += ["## Lambda layers (without the AWS SDK)", "", *layers_markdown(document["layers"]), ""]
    return "\n".join(lines)


def layers_markdown(section: Mapping[str, Any]) -> list[str]:
    def kib(value: int | None) -> str:
        return NOT_AVAILABLE if value is None else f"{value / 1024:,.0f} KiB"

    table = _table(
        ["layer", "ours zipped", "ours unzipped", "upstream zipped", "ours/upstream", "target"],
        ["---", "---:", "---:", "---:", "---:", "---"],
        [
            [
                row["name"],
                kib(row["ours_zipped"]),
                kib(row["ours_unzipped"]),
                kib(row["upstream_zipped"]),
                format_ratio(row["ratio"]),
                ""
                if row.get("target") is None
                else f"≤{row['target']}{TIMES}: {'✅ pass' if row.get('verdict') == 'pass' else '❌ miss'}",
            ]
            for row in section["rows"]
        ],
    )
    note = f"Upstream's layer here: {section['upstream']}, its dependencies, without the AWS SDK."
    return [*table, "", note] + ([f"Upstream not measured: {section['reason']}"] if section.get("reason") else [])


def plot(document: Mapping[str, Any], path: Path) -> str | None:
    """Write a PNG of the ratios; returns why not when matplotlib is missing (the run still succeeds)."""
    try:
        import matplotlib  # lazy: only the report needs it

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "matplotlib is not installed: no plot (pip install matplotlib)"
    labels: list[str] = []
    series: dict[str, list[float]] = {"ours/upstream": [], "ours/bare": []}
    targets: list[float | None] = []
    for row in document.get("workloads") or []:
        labels.append(row["name"])
        for key in series:
            series[key].append(row["ratios"][key] or 0.0)
        target = row["target"]
        targets.append(target["ratio"] if target and target["against"] == "upstream" else None)
    for row in (document.get("cold_start") or {}).get("packages", []):
        labels.append(f"import {row['name']} (in Lambda)")
        series["ours/upstream"].append(row.get("lambda_ratio", row["ratio"]) or 0.0)
        series["ours/bare"].append(0.0)
        targets.append(row["target"]["ratio"] if row["target"] else None)
    if not labels:
        return "nothing to plot"
    figure, axis = plt.subplots(figsize=(10, 0.38 * len(labels) + 1.5))
    positions = range(len(labels))
    height = 0.4
    axis.barh([p - height / 2 for p in positions], series["ours/upstream"], height, label="ours / upstream")
    axis.barh([p + height / 2 for p in positions], series["ours/bare"], height, label="ours / bare")
    for position, target in zip(positions, targets, strict=True):
        if target is not None:
            axis.plot([target, target], [position - 0.45, position + 0.05], color="black", linewidth=2)
    axis.axvline(1.0, color="grey", linestyle="--", linewidth=1)
    axis.set_xscale("log")
    axis.set_yticks(list(positions), labels)
    axis.invert_yaxis()
    axis.set_xlabel("ratio of medians (log scale; < 1 = ours faster; black tick = target vs upstream)")
    axis.legend(loc="lower right")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return None
