"""Zip a directory so that the same files always give the same bytes (and the same sha256).

Entries are sorted, timestamps fixed (1980-01-01, the earliest a zip can hold), permissions
normalised (0644 files, 0755 directories), and files that record where or when something was
installed are dropped: ``__pycache__``, ``*.pyc``, ``RECORD``, ``INSTALLER``, ``REQUESTED``,
``direct_url.json``.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
DROPPED_NAMES = frozenset({"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"})


def is_noise(relative: Path) -> bool:
    if "__pycache__" in relative.parts or relative.suffix == ".pyc":
        return True
    if relative.parts[0] == "bin":  # console scripts: a layer is imported, never run from PATH
        return True
    in_dist_info = any(part.endswith(".dist-info") for part in relative.parts[:-1])
    return in_dist_info and relative.name in DROPPED_NAMES


def write(source: Path, target: Path, prefix: str = "python") -> tuple[int, int]:
    """Zip ``source`` under ``prefix/`` into ``target``; returns (zipped bytes, unzipped bytes)."""
    files = sorted(
        (p for p in source.rglob("*") if p.is_file() and not is_noise(p.relative_to(source))),
        key=lambda p: p.relative_to(source).as_posix(),
    )
    directories = sorted({parent for p in files for parent in p.relative_to(source).parents if parent != Path(".")})
    unzipped = 0
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for directory in [Path(), *directories]:
            info = zipfile.ZipInfo(f"{prefix}/{directory.as_posix()}/".replace("/./", "/"), FIXED_TIME)
            info.external_attr = (0o40755 << 16) | 0x10
            archive.writestr(info, b"")
        for path in files:
            data = path.read_bytes()
            unzipped += len(data)
            info = zipfile.ZipInfo(f"{prefix}/{path.relative_to(source).as_posix()}", FIXED_TIME)
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9)
    return target.stat().st_size, unzipped
