"""A local HTTP server that turns real requests into Lambda proxy events for an app.

    python -m powertools.event_handler serve app:app --port 3000 --format http --reload

Stdlib only (``http.server``, threaded); for development on your machine, never production.
In code (tests, scripts)::

    from powertools.event_handler.dev_server import ServerOptions, running_server

    with running_server(app.resolve, ServerOptions(format_name="http")) as server:
        urllib.request.urlopen(server.url + "/todos")
"""

from __future__ import annotations

from powertools.event_handler.dev_server.errors import DevServerError
from powertools.event_handler.dev_server.events import FORMATS
from powertools.event_handler.dev_server.loader import load_handler
from powertools.event_handler.dev_server.server import DevServer, ServerOptions, create_server, running_server

__all__ = ["FORMATS", "DevServer", "DevServerError", "ServerOptions", "create_server", "load_handler", "running_server"]
