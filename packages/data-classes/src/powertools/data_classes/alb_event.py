"""Application Load Balancer event (the shapes live in powertools.common.events.alb).

The HTTP event shapes are shared with powertools.event_handler; this module re-exports
every public name of the common module so both packages hand out the same classes.
"""

from __future__ import annotations

from powertools.common.events.alb import *  # noqa: F403
from powertools.common.events.alb import __all__  # noqa: F401
