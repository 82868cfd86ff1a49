"""``python -m tools.layers.sizes_table [dist/layers/manifest.json]``: the manifest as a markdown table.

docs/layers.md quotes this table from a full `hatch run layers:build`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tools.layers.spec import ROOT


def table(manifest: list[dict[str, object]]) -> str:
    lines = [
        "| layer | architecture | Python | zipped | unzipped |",
        "|---|---|---|---:|---:|",
    ]
    for entry in manifest:
        versions = entry["python_versions"]
        assert isinstance(versions, list)
        pythons = "all" if len(versions) == 4 else ", ".join(versions)
        lines.append(
            f"| {entry['name']} | {entry['architecture']} | {pythons} | "
            f"{int(entry['zipped_bytes']) / 1024:,.0f} KiB | {int(entry['unzipped_bytes']) / 1024:,.0f} KiB |"  # type: ignore[call-overload]
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else ROOT / "dist" / "layers" / "manifest.json"
    print(table(json.loads(path.read_text())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
