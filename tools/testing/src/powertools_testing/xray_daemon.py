"""A stand-in X-Ray daemon: a UDP socket that keeps what the X-Ray SDK sends.

Each datagram is ``{"format": "json", "version": 1}\\n`` followed by one segment or
(streamed) subsegment document.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from typing import Any

from powertools_testing.util import LOCALHOST

Document = dict[str, Any]

_MAX_DATAGRAM = 65535  # the SDK keeps documents under the UDP limit


def decode_datagram(data: bytes) -> Document | None:
    """The document in one daemon datagram, or None if it is not in the daemon format."""
    header, sep, body = data.partition(b"\n")
    if not sep:
        return None
    try:
        meta = json.loads(header)
        document = json.loads(body)
    except ValueError:
        return None
    if not isinstance(meta, dict) or meta.get("format") != "json" or not isinstance(document, dict):
        return None
    return document


def flatten(documents: list[Document]) -> list[Document]:
    """Every segment and subsegment, depth first, as shallow copies without the nested
    ``subsegments`` list and with ``parent_id`` set to the enclosing entity's id.

    Top-level documents keep their own ``parent_id`` (streamed subsegments carry one;
    a segment has one only when it continues an upstream trace), else None.
    """
    flat: list[Document] = []

    def visit(entity: Document, parent_id: str | None) -> None:
        item = {k: v for k, v in entity.items() if k != "subsegments"}
        item["parent_id"] = parent_id
        flat.append(item)
        for child in entity.get("subsegments", []):
            visit(child, entity.get("id"))

    for document in documents:
        visit(document, document.get("parent_id"))
    return flat


class XRayDaemon:
    """Receives on 127.0.0.1:<port> on a background thread until ``stop()``."""

    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind((LOCALHOST, 0))  # port 0: the OS picks, no race
        self._sock.settimeout(0.1)  # lets the thread notice stop()
        self.host = LOCALHOST
        self.port: int = self._sock.getsockname()[1]
        self._documents: list[Document] = []
        self.malformed: list[bytes] = []
        self._arrived = threading.Condition()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._receive, name="xray-daemon", daemon=True)

    @property
    def address(self) -> str:
        """The value for ``AWS_XRAY_DAEMON_ADDRESS`` / ``daemon_address``."""
        return f"{self.host}:{self.port}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        self._sock.close()

    def documents(self) -> list[Document]:
        """All decoded documents so far, in arrival order."""
        with self._arrived:
            return list(self._documents)

    def subsegments(self) -> list[Document]:
        """All (sub)segments of all documents, flattened; see :func:`flatten`."""
        return flatten(self.documents())

    def wait_for(self, count: int, timeout: float = 5.0) -> list[Document]:
        """Wait until at least ``count`` documents arrived; fail the test otherwise."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self._documents) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    names = [doc.get("name") for doc in self._documents]
                    raise AssertionError(
                        f"expected {count} X-Ray document(s) at {self.address} within "
                        f"{timeout}s, got {len(self._documents)}: {names}"
                    )
                self._arrived.wait(remaining)
            return list(self._documents)

    def clear(self) -> None:
        with self._arrived:
            self._documents.clear()
            self.malformed.clear()

    def _receive(self) -> None:
        while not self._stopping.is_set():
            try:
                data = self._sock.recv(_MAX_DATAGRAM)
            except TimeoutError:
                continue
            except OSError:
                return
            document = decode_datagram(data)
            with self._arrived:
                if document is None:
                    self.malformed.append(data)
                else:
                    self._documents.append(document)
                self._arrived.notify_all()
