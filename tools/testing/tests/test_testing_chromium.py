"""The headless Chromium helper: finding the browser, one-shot DOM dumps, and a DevTools session."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from powertools_testing.chromium import CDPError, Chromium, find_chromium

PAGE = b"""<!doctype html><html><body><p id="out">static</p>
<input id="name">
<button id="go" onclick="out.textContent = 'hello ' + document.getElementById('name').value">go</button>
<script>document.getElementById('out').textContent = 'rendered by script';</script></body></html>"""


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def page_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_find_chromium_honours_the_env_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    not_executable = tmp_path / "chromium"
    not_executable.write_text("")
    monkeypatch.setenv("CHROMIUM", str(not_executable))
    assert find_chromium() is None
    not_executable.chmod(0o755)
    assert find_chromium() == str(not_executable)


def test_dump_dom_runs_the_page_scripts(chromium: Chromium, page_url: str, tmp_path: Path) -> None:
    dom = chromium.dump_dom(page_url)
    assert '<p id="out">rendered by script</p>' in dom
    shot = chromium.screenshot(page_url, tmp_path / "page.png", size=(400, 300))
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_session_types_clicks_and_reports_script_errors(chromium: Chromium, page_url: str) -> None:
    with chromium.session() as page:
        page.open(page_url)
        page.wait_for("document.readyState === 'complete'", timeout=20)
        page.evaluate("document.getElementById('name').focus()")
        page.type_text("ana")
        page.evaluate("document.getElementById('go').click()")
        assert page.evaluate("document.getElementById('out').textContent") == "hello ana"
        with pytest.raises(CDPError, match="ReferenceError"):
            page.evaluate("no_such_variable.x")
        with pytest.raises(CDPError, match=r"timed out after 0\.2s"):
            page.wait_for("false", timeout=0.2)
