"""Channel-path routing for AppSync Events, by segments rather than by trying every pattern.

A registered path is exact (``/chat/rooms/general``) or ends in a wildcard (``/chat/*``,
``/*``) that matches every path below that prefix, at any depth. The most specific match
wins: an exact path, then the wildcard with the longest prefix (upstream's ordering).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_ROUTE = "/default/*"

# A namespace, more segments, and optionally "/*" at the end; "*" nowhere else.
_VALID_PATH = re.compile(r"/[^/*]+(/[^/*]+)*(/\*)?")


def is_valid_path(path: str) -> bool:
    return path == "/*" or (isinstance(path, str) and _VALID_PATH.fullmatch(path) is not None)


class HandlerSpec:
    """A registered publish or subscribe handler."""

    __slots__ = ("aggregate", "func")

    def __init__(self, func: Callable[..., Any], aggregate: bool) -> None:
        self.func = func
        self.aggregate = aggregate


class PathRegistry:
    """Exact paths in one dict; wildcards keyed by their prefix segments in another."""

    __slots__ = ("exact", "kind", "wildcards")

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.exact: dict[str, HandlerSpec] = {}
        self.wildcards: dict[tuple[str, ...], HandlerSpec] = {}

    def add(self, path: str, spec: HandlerSpec) -> None:
        if path.endswith("/*"):
            prefix = path[1:-2]
            self.wildcards[tuple(prefix.split("/")) if prefix else ()] = spec
        else:
            self.exact[path] = spec

    def find(self, path: str) -> HandlerSpec | None:
        spec = self.exact.get(path)
        if spec is not None or not self.wildcards or not path.startswith("/"):
            return spec
        segments = path[1:].split("/")
        wildcards = self.wildcards
        # "/a/*" matches "/a/<anything>": try the longest proper prefix first, then shorter ones.
        for end in range(len(segments) - 1, -1, -1):
            spec = wildcards.get(tuple(segments[:end]))
            if spec is not None:
                return spec
        return None

    def merge(self, other: PathRegistry) -> None:
        self.exact.update(other.exact)
        self.wildcards.update(other.wildcards)
