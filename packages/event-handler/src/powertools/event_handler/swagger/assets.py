"""Swagger UI's own files (JS, CSS, icons), served by the app instead of a CDN.

They come from the ``swagger-ui-py`` package (Swagger UI 5, which renders OpenAPI 3.1), installed only with the extra
``pip install "powertools-event-handler[swagger]"`` so the default install stays small.

``read_asset(name)`` is what a route calls with the last path segment of the request: it
answers only plain file names inside the assets folder, so nothing the client sends
(``..``, ``%2e%2e``, absolute paths, symlinks pointing out) can reach another file.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

__all__ = ["CSS_FILE", "JS_FILE", "asset_path", "available", "read_asset"]

# The browser-ready files (the dist's swagger-ui.js expects a bundler; the bundle does not).
JS_FILE = "swagger-ui-bundle.js"
CSS_FILE = "swagger-ui.css"

_CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".png": "image/png",
    ".map": "application/json",
}
_MAX_NAME = 128


@lru_cache(maxsize=1)
def asset_path() -> Path | None:
    """The installed Swagger UI dist folder, or None without the ``swagger`` extra.

    Found without importing the package (it imports Jinja2): ``swagger_ui/static/``.
    """
    try:
        spec = importlib.util.find_spec("swagger_ui")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        static = Path(location) / "static"
        if (static / JS_FILE).is_file():
            return static.resolve()
    return None


def available() -> bool:
    """True when the packaged assets are installed (then the Swagger page can load them from the app)."""
    folder = asset_path()
    return folder is not None and (folder / CSS_FILE).is_file()


def _safe_name(name: str) -> str | None:
    """The plain file name ``name`` stands for, or None when it is anything else."""
    if not isinstance(name, str) or not name or len(name) > _MAX_NAME:
        return None
    decoded = unquote(name)
    # A name that still holds '%' after one decoding was encoded twice: refuse, never decode again.
    if any(c in decoded for c in ("/", "\\", "\x00", "%")) or decoded.startswith("."):
        return None
    return decoded


def read_asset(name: str, folder: Path | None = None) -> tuple[bytes, str] | None:
    """``(content, content_type)`` of one asset file, or None (the route answers 404).

    ``folder`` defaults to the installed assets; tests pass their own.
    """
    safe = _safe_name(name)
    root = folder if folder is not None else asset_path()
    if safe is None or root is None:
        return None
    content_type = _CONTENT_TYPES.get(Path(safe).suffix.lower())
    if content_type is None:
        return None
    return _read(root.resolve(), safe, content_type)


@lru_cache(maxsize=32)
def _read(root: Path, name: str, content_type: str) -> tuple[bytes, str] | None:
    target = (root / name).resolve()  # follows symlinks: one pointing out fails the check below
    if target.parent != root or not target.is_file():
        return None
    return target.read_bytes(), content_type
