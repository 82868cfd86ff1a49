"""Small helpers shared by the local test services."""

from __future__ import annotations

import socket
import urllib.request

LOCALHOST = "127.0.0.1"

# urllib honours HTTP_PROXY; requests to our own 127.0.0.1 services must never go through one.
local_http = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class ServiceError(RuntimeError):
    """A local test service could not be started or reached."""


def free_port(kind: int = socket.SOCK_STREAM) -> int:
    """Return a port on 127.0.0.1 that is free right now.

    The port is released before returning, so another process could take it
    before the caller binds it; services started on it retry on "address in use".
    """
    with socket.socket(socket.AF_INET, kind) as sock:
        sock.bind((LOCALHOST, 0))
        port: int = sock.getsockname()[1]
        return port
