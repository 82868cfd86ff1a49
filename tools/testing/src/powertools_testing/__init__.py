"""Shared test tooling for the powertools monorepo (private, never published).

The fixtures live in :mod:`powertools_testing.plugin`, loaded by pytest through the
``pytest11`` entry point; the classes here are for code that wants to type-hint them.
"""

from powertools_testing.appconfig_service import AppConfigDataServer
from powertools_testing.events import event_names, load_event
from powertools_testing.moto_service import MotoServer
from powertools_testing.redis_service import RedisServer
from powertools_testing.util import ServiceError, free_port
from powertools_testing.xray_daemon import XRayDaemon

__all__ = [
    "AppConfigDataServer",
    "MotoServer",
    "RedisServer",
    "ServiceError",
    "XRayDaemon",
    "event_names",
    "free_port",
    "load_event",
]
