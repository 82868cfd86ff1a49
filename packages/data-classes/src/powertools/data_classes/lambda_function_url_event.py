"""Lambda function URL event (the shapes live in powertools.common.events.function_url).

The HTTP event shapes are shared with powertools.event_handler; this module re-exports
every public name of the common module so both packages hand out the same classes.
"""

from __future__ import annotations

from powertools.common.events.function_url import *  # noqa: F403
from powertools.common.events.function_url import __all__  # noqa: F401
