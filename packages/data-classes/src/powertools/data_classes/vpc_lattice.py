"""Amazon VPC Lattice events (v1 and v2) (the shapes live in powertools.common.events.vpc_lattice).

The HTTP event shapes are shared with powertools.event_handler; this module re-exports
every public name of the common module so both packages hand out the same classes.
"""

from __future__ import annotations

from powertools.common.events.vpc_lattice import *  # noqa: F403
from powertools.common.events.vpc_lattice import __all__  # noqa: F401
