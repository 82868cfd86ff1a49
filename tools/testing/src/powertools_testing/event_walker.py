"""Read every public member of an event wrapper, recursively: the tests' "read the whole event".

Used by the data-classes tests (golden-file snapshots, fuzzing) and the reliability suite's
data-classes fuzz test. Import it explicitly (the plugin does not); it needs ``powertools.common``::

    from powertools_testing.event_walker import EventWalker

    data = EventWalker().snapshot(SQSEvent(event))  # plain, JSON-comparable data

A public member of a ``DictWrapper`` subclass (``public_members``) is every public attribute that is
a descriptor (properties, and the data-classes ``Field`` family, which is marked
``event_property = True``) or a method callable without arguments; mapping plumbing and methods
that need AWS or build responses (``SKIP``) are left out. Reading one calls a method and drains a
generator. Nested wrappers, lists, tuples and mappings are walked too, ``MAX_DEPTH`` levels deep.

The only exception a member may raise is the documented ``InvalidEventError`` (and, for the few
properties in ``ADVANCING``, ``StopIteration`` after the last item); anything else propagates, so
the test that walks fails, unless the walker's ``tolerated`` predicate accepts it.
"""

from __future__ import annotations

import base64
import enum
import inspect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import Any

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.exceptions import InvalidEventError

__all__ = ["ADVANCING", "MAX_DEPTH", "SKIP", "EventWalker", "plain", "public_members"]

# Mapping/DictWrapper plumbing, and methods that need AWS or build responses.
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

# (class name, member): properties that hand out the next item on each access and raise
# StopIteration after the last one, as upstream's do.
ADVANCING = frozenset({("ActiveMQEvent", "message"), ("KafkaEvent", "record"), ("RabbitMQEvent", "message")})

# Deeper than this, nothing is read (a snapshot shows "...").
MAX_DEPTH = 12


def _needs_arguments(function: Callable[..., Any]) -> bool:
    """Whether a method (``self`` aside) has a parameter without a default (``*args``/``**kwargs`` don't count)."""
    params = list(inspect.signature(function).parameters.values())[1:]
    return any(p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params)


@cache
def public_members(cls: type) -> tuple[str, ...]:
    """The members of ``cls`` a walk reads, sorted by name (see the module docstring)."""
    names = []
    for name in dir(cls):
        if name.startswith("_") or name in SKIP:
            continue
        attr = inspect.getattr_static(cls, name)
        if isinstance(attr, (staticmethod, classmethod)):
            continue
        if inspect.isfunction(attr):
            if _needs_arguments(attr):
                continue
        elif not hasattr(attr, "__get__"):
            continue
        names.append(name)
    return tuple(names)


@dataclass(frozen=True)
class EventWalker:
    """Reads every public member of a wrapper, recursively; the settings say how failures read.

    ``record_errors``: True (the data-classes tests) reads an ``InvalidEventError`` as
    ``{"!error": message}`` and an exhausted ``ADVANCING`` property as ``{"!exhausted": True}``, so
    a snapshot shows them; False (the reliability suite) reads both as None.

    ``tolerated``: any other exception for which it returns True reads like an
    ``InvalidEventError`` instead of propagating (the reliability suite passes its pinned known
    bugs). None: every other exception propagates. ``StopIteration`` is never passed to it.

    ``mapping_items``: True walks a mapping through ``items()``, as code iterating it gets the
    values (``SQSMessageAttributes.items()`` wraps each one in ``SQSMessageAttribute``, whose
    members are then read too); False walks ``values()`` (the raw values) and a snapshot shows
    the mapping as a list.
    """

    record_errors: bool = True
    tolerated: Callable[[Exception], bool] | None = None
    mapping_items: bool = True

    def read(self, obj: Any, name: str) -> Any:
        """The member's value: methods called, generators drained, documented failures as above."""
        try:
            value = getattr(obj, name)
            if inspect.ismethod(value):
                value = value()
            if isinstance(value, Iterator):
                value = list(value)
        except InvalidEventError as exc:
            return self._error(exc)
        except StopIteration:
            if (type(obj).__name__, name) not in ADVANCING:
                raise
            return {"!exhausted": True} if self.record_errors else None
        except Exception as exc:
            if self.tolerated is None or not self.tolerated(exc):
                raise
            return self._error(exc)
        return value

    def walk(self, obj: Any, visited: set[type] | None = None) -> Any:
        """Read everything reachable from ``obj``: wrappers become ``{member: value}``, recursively.

        Every wrapper class read is added to ``visited`` when one is given.
        """
        return self._walk(obj, set() if visited is None else visited, 0, [0])

    def snapshot(self, obj: Any) -> Any:
        """``plain(walk(obj))``: JSON-comparable data, for golden files."""
        return plain(self.walk(obj))

    def count(self, obj: Any) -> int:
        """Read everything reachable from ``obj``, as ``walk``; returns how many members were read.

        A sequence or mapping whose iteration fails with ``InvalidEventError`` (a lazily wrapped
        item that is malformed) counts none of its items.
        """
        counter = [0]
        self._walk(obj, set(), 0, counter)
        return counter[0]

    def _error(self, exc: Exception) -> Any:
        return {"!error": str(exc)} if self.record_errors else None

    def _walk(self, obj: Any, visited: set[type], depth: int, counter: list[int]) -> Any:
        if depth > MAX_DEPTH:
            return "..."
        if isinstance(obj, DictWrapper):
            visited.add(type(obj))
            result = {}
            for name in public_members(type(obj)):
                counter[0] += 1
                result[name] = self._walk(self.read(obj, name), visited, depth + 1, counter)
            return result
        before = counter[0]
        try:
            if isinstance(obj, (Iterator, list, tuple)):
                return [self._walk(item, visited, depth + 1, counter) for item in obj]
            if isinstance(obj, Mapping):
                if self.mapping_items:
                    return {key: self._walk(value, visited, depth + 1, counter) for key, value in obj.items()}
                return [self._walk(value, visited, depth + 1, counter) for value in obj.values()]
        except InvalidEventError as exc:  # a lazily wrapped item that is malformed
            counter[0] = before
            return self._error(exc)
        return obj


def plain(value: Any) -> Any:
    """``value`` as JSON-comparable data: bytes, decimals, sets, enums, datetimes and objects tagged."""
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
