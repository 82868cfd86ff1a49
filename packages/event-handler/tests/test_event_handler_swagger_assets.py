"""Swagger UI's files served from the installed ``swagger`` extra, and the paths that must never escape."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from powertools.event_handler import APIGatewayRestResolver
from powertools.event_handler.dev_server import running_server
from powertools.event_handler.swagger import assets

ESCAPES = [
    "../../etc/passwd",
    "..",
    ".",
    "%2e%2e",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "..%2f..%2fetc%2fpasswd",
    "%252e%252e%252fetc%252fpasswd",  # encoded twice
    "/etc/passwd",
    "%2fetc%2fpasswd",
    "..\\..\\etc\\passwd",
    "swagger-ui.css/../../../etc/passwd",
    "swagger-ui.css\x00.png",
    ".hidden.css",
    "",
    "x" * 500 + ".css",
]


def test_packaged_assets_are_installed_and_readable() -> None:
    assert assets.available()
    folder = assets.asset_path()
    assert folder is not None
    js = assets.read_asset(assets.JS_FILE)
    css = assets.read_asset(assets.CSS_FILE)
    assert js is not None
    assert css is not None
    assert js == ((folder / "swagger-ui-bundle.js").read_bytes(), "text/javascript; charset=utf-8")
    assert b"SwaggerUIBundle" in js[0]
    assert css[1] == "text/css; charset=utf-8"
    assert css[0] == (folder / "swagger-ui.css").read_bytes()


@pytest.mark.parametrize("name", ESCAPES)
def test_names_that_leave_the_folder_are_refused(name: str) -> None:
    assert assets.read_asset(name) is None


def test_only_plain_known_files_inside_the_folder_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "assets"
    folder.mkdir()
    (folder / "ok.css").write_text("body{}")
    (folder / "notes.txt").write_text("unknown type")
    (tmp_path / "secret.css").write_text("outside")
    (folder / "link-out.css").symlink_to(tmp_path / "secret.css")
    (folder / "link-in.css").symlink_to(folder / "ok.css")
    (folder / "sub.css").mkdir()

    assert assets.read_asset("ok.css", folder) == (b"body{}", "text/css; charset=utf-8")
    assert assets.read_asset("link-out.css", folder) is None  # a symlink pointing out of the folder
    assert assets.read_asset("link-in.css", folder) == (b"body{}", "text/css; charset=utf-8")
    assert assets.read_asset("notes.txt", folder) is None  # not a type the Swagger page loads
    assert assets.read_asset("missing.css", folder) is None
    assert assets.read_asset("sub.css", folder) is None  # a directory
    assert assets.read_asset("../secret.css", folder) is None


def _asset_app() -> Any:
    app = APIGatewayRestResolver()
    app.enable_swagger(path="/swagger")
    return app


@pytest.mark.parametrize(
    "path",
    [
        "/swagger/../../etc/passwd",
        "/swagger/%2e%2e",
        "/swagger/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/swagger/..%2fetc%2fpasswd",
        "/swagger/%252e%252e%252fetc%252fpasswd",
        "/swagger/%2fetc%2fpasswd",
    ],
)
def test_escaping_paths_over_http_are_404(path: str) -> None:
    with running_server(_asset_app().resolve) as server:
        conn = http.client.HTTPConnection(*server.server_address, timeout=10)
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
    assert response.status == 404
    assert b"root:" not in body


def test_asset_served_over_http_byte_for_byte() -> None:
    with running_server(_asset_app().resolve) as server:
        conn = http.client.HTTPConnection(*server.server_address, timeout=10)
        conn.request("GET", "/swagger/swagger-ui.css")
        response = conn.getresponse()
        body = response.read()
    folder = assets.asset_path()
    assert folder is not None
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/css; charset=utf-8"
    assert body == (folder / "swagger-ui.css").read_bytes()


def test_without_the_extra_nothing_is_available() -> None:
    # A fresh interpreter where the swagger-ui-py distribution cannot be found (as without the extra).
    code = (
        "import sys, importlib.abc\n"
        "class Hide(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'swagger_ui':\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, Hide())\n"
        "from powertools.event_handler.swagger import assets\n"
        "print(assets.available(), assets.asset_path(), assets.read_asset('swagger-ui.css'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True, env=dict(os.environ)
    )
    assert done.stdout.strip() == "False None None"
