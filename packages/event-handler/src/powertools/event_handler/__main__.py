"""``python -m powertools.event_handler serve module:app``: run an app locally over HTTP."""

from __future__ import annotations

import sys

from powertools.event_handler.dev_server.cli import main

if __name__ == "__main__":
    sys.exit(main())
