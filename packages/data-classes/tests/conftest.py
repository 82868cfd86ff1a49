"""Shared helpers of the data-classes tests: the event catalog, a property walker, golden-file data."""

from __future__ import annotations

import base64
import enum
import inspect
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.exceptions import InvalidEventError
from powertools_testing.events import DATA_CLASS_OF_EVENT, HTTP_EVENT_CLASSES

# Shapes owned by powertools.common.events.{proxy,api_gateway,alb,function_url,vpc_lattice}
# (the event handler's); this package only re-exports them.
HTTP_EVENTS = {name: cls for name, cls in DATA_CLASS_OF_EVENT.items() if cls in HTTP_EVENT_CLASSES}

EVENTS = {name: cls for name, cls in DATA_CLASS_OF_EVENT.items() if cls not in HTTP_EVENT_CLASSES}

# Mapping/DictWrapper plumbing, and methods that need arguments or AWS.
SKIP = {
    "get",
    "items",
    "keys",
    "values",
    "raw_event",
    "setup_s3_client",
    "get_artifact",
    "put_artifact",
    "find_input_artifact",
    "find_output_artifact",
    "build_data_transformation_response",
    "build_task_batch_response",
    "header_serializer",
}


def public_members(cls: type) -> list[str]:
    names = []
    for name in dir(cls):
        if name.startswith("_") or name in SKIP:
            continue
        attr = inspect.getattr_static(cls, name)
        if isinstance(attr, (staticmethod, classmethod)):
            continue
        if inspect.isfunction(attr):
            params = list(inspect.signature(attr).parameters.values())[1:]
            if any(p.default is inspect.Parameter.empty for p in params):
                continue  # needs arguments
        elif not hasattr(attr, "__get__"):
            continue
        names.append(name)
    return names


# Properties that hand out the next item on each access and raise StopIteration after the
# last one, as upstream's do.
ADVANCING = {("ActiveMQEvent", "message"), ("KafkaEvent", "record")}


def read(obj: Any, name: str) -> Any:
    """The member's value; a documented ``InvalidEventError`` becomes ``{"!error": message}``."""
    try:
        value = getattr(obj, name)
        if inspect.ismethod(value):
            value = value()
        if isinstance(value, Iterator):
            value = list(value)
    except InvalidEventError as exc:
        return {"!error": str(exc)}
    except StopIteration:
        if (type(obj).__name__, name) not in ADVANCING:
            raise
        return {"!exhausted": True}
    return value


def walk(obj: Any, visited: set[type] | None = None, depth: int = 0) -> Any:
    """A plain-data snapshot of ``obj``: wrappers become {property: value}."""
    visited = set() if visited is None else visited
    if depth > 12:
        return "..."
    if isinstance(obj, DictWrapper):
        visited.add(type(obj))
        return {name: walk(read(obj, name), visited, depth + 1) for name in public_members(type(obj))}
    try:
        if isinstance(obj, (Iterator, list)):
            return [walk(item, visited, depth + 1) for item in obj]
        if isinstance(obj, Mapping):
            return {key: walk(value, visited, depth + 1) for key, value in obj.items()}
    except InvalidEventError as exc:  # a lazily wrapped item that is malformed
        return {"!error": str(exc)}
    return obj


def plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"bytes_b64": base64.b64encode(value).decode()}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, (set, frozenset)):
        return {"set": sorted((plain(v) for v in value), key=repr)}
    if isinstance(value, enum.Enum):
        return {"enum": f"{type(value).__name__}.{value.name}"}
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return {"object": type(value).__name__, **plain(vars(value))}
    return value


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
    return lambda obj: plain(walk(obj))


@pytest.fixture
def walker() -> Callable[..., Any]:
    """``walker(obj, visited_set)``: the raw walk, recording every wrapper class it reads."""
    return walk


@pytest.fixture
def catalog() -> dict[str, str]:
    """Every sample event file name -> the class that reads it."""
    return {**EVENTS, **HTTP_EVENTS}
