"""Read every public property and no-argument method of an event wrapper, recursively.

The only exception allowed out of a property is the documented ``InvalidEventError`` (and
its subclasses); anything else propagates and fails the test that walks, unless it is a bug
pinned in ``known_bugs.py`` (which has its own "known bug (xfail)" row).
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.exceptions import InvalidEventError
from tools.reliability.known_bugs import known_bug

__all__ = ["walk", "public_members"]

# Mapping plumbing, and methods that need AWS or build responses.
SKIP = frozenset(
    {
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
)
# Properties that hand out the next item per access and end with StopIteration, as upstream's.
ADVANCING = frozenset({("ActiveMQEvent", "message"), ("KafkaEvent", "record"), ("RabbitMQEvent", "message")})


@cache
def public_members(cls: type) -> tuple[str, ...]:
    names = []
    for name in dir(cls):
        if name.startswith("_") or name in SKIP:
            continue
        attr = inspect.getattr_static(cls, name)
        if isinstance(attr, (staticmethod, classmethod)):
            continue
        if inspect.isfunction(attr):
            params = list(inspect.signature(attr).parameters.values())[1:]
            if any(
                p.default is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params
            ):
                continue
        elif not hasattr(attr, "__get__"):
            continue
        names.append(name)
    return tuple(names)


def _read(obj: Any, name: str) -> Any:
    try:
        value = getattr(obj, name)
        if inspect.ismethod(value):
            value = value()
        if isinstance(value, Iterator):
            value = list(value)
    except InvalidEventError:
        return None
    except StopIteration:
        if (type(obj).__name__, name) not in ADVANCING:
            raise
        return None
    except Exception as exc:
        if known_bug(exc) is None:
            raise
        return None  # pinned in tests/test_reliability_known_bugs.py, with its own row
    return value


def walk(obj: Any, depth: int = 0) -> int:
    """Read everything reachable from ``obj``; returns how many members were read."""
    if depth > 12:
        return 0
    read = 0
    if isinstance(obj, DictWrapper):
        for name in public_members(type(obj)):
            read += 1 + walk(_read(obj, name), depth + 1)
        return read
    try:
        if isinstance(obj, (Iterator, list, tuple)):
            return sum(walk(item, depth + 1) for item in obj)
        if isinstance(obj, Mapping):
            return sum(walk(value, depth + 1) for value in obj.values())
    except InvalidEventError:  # a lazily wrapped item that is malformed
        return read
    return read
