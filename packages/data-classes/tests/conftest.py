"""Shared helpers of the data-classes tests: the event catalog, the property walker, golden-file data."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from powertools_testing.event_walker import EventWalker
from powertools_testing.events import DATA_CLASS_OF_EVENT, HTTP_EVENT_CLASSES

# Shapes owned by powertools.common.events.{proxy,api_gateway,alb,function_url,vpc_lattice}
# (the event handler's); this package only re-exports them.
HTTP_EVENTS = {name: cls for name, cls in DATA_CLASS_OF_EVENT.items() if cls in HTTP_EVENT_CLASSES}

EVENTS = {name: cls for name, cls in DATA_CLASS_OF_EVENT.items() if cls not in HTTP_EVENT_CLASSES}

# Reads every public member (powertools_testing.event_walker); a documented InvalidEventError
# reads as {"!error": message}, so snapshots and golden files show it.
WALKER = EventWalker()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``sample``: (event file, class name) for every catalogued sample event."""
    if "sample" in metafunc.fixturenames:
        metafunc.parametrize("sample", sorted(EVENTS.items()), ids=sorted(EVENTS))
    if "http_sample" in metafunc.fixturenames:
        metafunc.parametrize("http_sample", sorted(HTTP_EVENTS.items()), ids=sorted(HTTP_EVENTS))


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC, as on Lambda: IoT registry timestamps are naive local datetimes (as upstream)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def snapshot() -> Callable[[Any], Any]:
    """Walk a wrapper and return plain JSON-comparable data."""
    return WALKER.snapshot


@pytest.fixture
def walker() -> Callable[..., Any]:
    """``walker(obj, visited_set)``: the raw walk, recording every wrapper class it reads."""
    return WALKER.walk


@pytest.fixture
def catalog() -> dict[str, str]:
    """Every sample event file name -> the class that reads it."""
    return {**EVENTS, **HTTP_EVENTS}
