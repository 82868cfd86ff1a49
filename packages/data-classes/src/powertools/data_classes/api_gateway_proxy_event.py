"""API Gateway REST (v1) and HTTP (v2) proxy events (the shapes live in powertools.common.events.api_gateway).

The HTTP event shapes are shared with powertools.event_handler; this module re-exports
every public name of the common module so both packages hand out the same classes.
"""

from __future__ import annotations

from powertools.common.events.api_gateway import *  # noqa: F403
from powertools.common.events.api_gateway import __all__  # noqa: F401
