"""Finding the route for a request in time that doesn't grow with the number of routes.

Upstream semantics, kept exactly: a rule is a regular expression in which ``<name>``
matches one path segment made of word characters and the RFC 3986 safe/unsafe
punctuation (never ``/``); static rules (no ``<name>``) are tried before dynamic
ones, each group in registration order, and the first match wins.

How it is fast: a rule that is plain text is looked up in a dict; a rule whose
segments are plain text or a whole ``<name>`` goes into a per-method segment trie.
Only rules that really use regex syntax (catch-alls like ``.+``) are tried one by
one, and only those registered before the fast candidate found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Generic, TypeVar

from powertools.event_handler.segment_match import MixedSegment

__all__ = ["DYNAMIC_ROUTE_PATTERN", "RouteTable", "compile_rule"]

DYNAMIC_ROUTE_PATTERN = re.compile(r"(<\w+>)")
_SAFE_URI = "-._~()'!*:@,;=+&$"  # RFC 3986 unreserved and sub-delims
_UNSAFE_URI = r"%<> \[\]{}|^"  # characters API Gateway passes through unencoded
_SEGMENT_CLASS = rf"[{_SAFE_URI}{_UNSAFE_URI}\w]+"
_SEGMENT_RUNS = re.compile(_SEGMENT_CLASS)
_PARAM_SEGMENT_MATCH = _SEGMENT_RUNS.fullmatch
_PARAM_TOKEN = re.compile(r"<(\w+)>")
_REGEX_SYNTAX = frozenset(".^$*+?{}[]\\|()<>")

T = TypeVar("T")


def compile_rule(rule: str, trailing_slashes: bool = False) -> re.Pattern[str]:
    """The regex upstream builds for ``rule`` (``<name>`` -> a named one-segment group)."""
    body = DYNAMIC_ROUTE_PATTERN.sub(lambda token: f"(?P{token.group(1)}{_SEGMENT_CLASS})", rule)
    return re.compile(f"^{body}/*$" if trailing_slashes else f"^{body}$")


def _is_plain(text: str) -> bool:
    return not any(ch in _REGEX_SYNTAX for ch in text)


class _Node(Generic[T]):
    __slots__ = ("children", "param", "terminal")

    def __init__(self) -> None:
        self.children: dict[str, _Node[T]] = {}
        self.param: _Node[T] | None = None
        # (registration order, route, parameter names in segment order)
        self.terminal: tuple[int, T, tuple[str, ...]] | None = None


class _MethodRoutes(Generic[T]):
    """Everything registered for one HTTP method."""

    __slots__ = ("dynamic_regex", "static_exact", "static_regex", "trie")

    def __init__(self) -> None:
        self.static_exact: dict[str, tuple[int, T]] = {}
        self.static_regex: list[tuple[int, re.Pattern[str], T]] = []
        self.trie: _Node[T] = _Node()
        # Rules the trie can't hold, tried in order: (registration order, matcher, route).
        self.dynamic_regex: list[tuple[int, _Matcher, T]] = []


class RouteTable(Generic[T]):
    """Routes by (method, rule). ``trailing_slashes=True`` lets ``/a/`` and ``/a//`` match ``/a`` (REST APIs)."""

    def __init__(self, trailing_slashes: bool = False) -> None:
        self._trailing_slashes = trailing_slashes
        self._methods: dict[str, _MethodRoutes[T]] = {}
        self._count = 0

    def add(self, method: str, rule: str, route: T) -> None:
        seq = self._count
        self._count += 1
        table = self._methods.setdefault(method.upper(), _MethodRoutes())
        if self._trailing_slashes:
            rule = rule.rstrip("/")
        if DYNAMIC_ROUTE_PATTERN.search(rule) is None:
            if _is_plain(rule):
                table.static_exact.setdefault(rule, (seq, route))  # the first registration wins
            else:
                table.static_regex.append((seq, compile_rule(rule, self._trailing_slashes), route))
            return
        segments = rule.split("/")
        if all(_PARAM_TOKEN.fullmatch(s) or _is_plain(s) for s in segments):
            self._add_to_trie(table.trie, segments, seq, route)
        elif all(_PARAM_TOKEN.fullmatch(s) or _is_plain(s) or _is_mixed(s) for s in segments):
            # "<a>-<b>" segments: matched without the regex's backtracking (segment_match.py).
            table.dynamic_regex.append((seq, _SegmentRule(segments, self._trailing_slashes), route))
        else:
            table.dynamic_regex.append((seq, _RegexRule(compile_rule(rule, self._trailing_slashes)), route))

    @staticmethod
    def _add_to_trie(node: _Node[T], segments: Iterable[str], seq: int, route: T) -> None:
        names: list[str] = []
        for segment in segments:
            token = _PARAM_TOKEN.fullmatch(segment)
            if token:
                names.append(token.group(1))
                if node.param is None:
                    node.param = _Node()
                node = node.param
            else:
                node = node.children.setdefault(segment, _Node())
        if node.terminal is None:
            node.terminal = (seq, route, tuple(names))

    def match(self, method: str, path: str) -> tuple[T, dict[str, str]] | None:
        """The route for this request and its ``<name>`` values, or None."""
        table = self._methods.get(method)
        if table is None:
            return None
        lookup_path = path.rstrip("/") if self._trailing_slashes else path

        # Static rules first, in registration order.
        exact = table.static_exact.get(lookup_path)
        limit = exact[0] if exact else self._count
        for seq, pattern, route in table.static_regex:
            if seq > limit:
                break
            found = pattern.match(path)
            if found:
                return route, found.groupdict()
        if exact:
            return exact[1], {}

        # Then dynamic rules, in registration order.
        best = _search(table.trie, lookup_path.split("/"), 0, [])
        limit = best[0] if best else self._count
        for seq, matcher, route in table.dynamic_regex:
            if seq > limit:
                break
            values = matcher.match(path)
            if values is not None:
                return route, values
        if best:
            return best[1], best[2]
        return None


def _is_mixed(segment: str) -> bool:
    """Literal text (where "." is upstream's any-character) around ``<name>`` tokens, no other regex syntax."""
    return _is_plain(_PARAM_TOKEN.sub("", segment).replace(".", "")) and _PARAM_TOKEN.search(segment) is not None


class _RegexRule:
    __slots__ = ("pattern",)

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def match(self, path: str) -> dict[str, str] | None:
        found = self.pattern.match(path)
        return found.groupdict() if found else None


class _SegmentRule:
    """A rule of literal, ``<name>`` and mixed segments, matched segment by segment."""

    __slots__ = ("parts", "trailing_slashes")

    def __init__(self, segments: list[str], trailing_slashes: bool) -> None:
        self.trailing_slashes = trailing_slashes
        self.parts: list[str | MixedSegment] = [
            MixedSegment(s, _SEGMENT_RUNS) if _PARAM_TOKEN.search(s) and not _PARAM_TOKEN.fullmatch(s) else s
            for s in segments
        ]

    def match(self, path: str) -> dict[str, str] | None:
        if self.trailing_slashes:
            path = path.rstrip("/")
        segments = path.split("/")
        if len(segments) != len(self.parts):
            return None
        values: dict[str, str] = {}
        for part, segment in zip(self.parts, segments, strict=True):
            if isinstance(part, MixedSegment):
                found = part.match(segment)
                if found is None:
                    return None
                values.update(found)
            elif (token := _PARAM_TOKEN.fullmatch(part)) is not None:
                if _PARAM_SEGMENT_MATCH(segment) is None:
                    return None
                values[token.group(1)] = segment
            elif part != segment:
                return None
        return values


_Matcher = _RegexRule | _SegmentRule


def _search(node: _Node[T], segments: list[str], index: int, values: list[str]) -> tuple[int, T, dict[str, str]] | None:
    """The earliest-registered trie route matching ``segments[index:]``.

    Walks without recursion until a segment could go both ways (a literal child and
    a ``<name>`` child), which is rare; only then are both branches explored.
    """
    count = len(segments)
    while index < count:
        segment = segments[index]
        child = node.children.get(segment)
        param = node.param
        # isalnum() is the regex's common case (same Unicode \w classes) at a fraction of the cost.
        if param is not None and not segment.isalnum() and _PARAM_SEGMENT_MATCH(segment) is None:
            param = None
        if child is not None and param is not None:
            literal = _search(child, segments, index + 1, values)
            values.append(segment)
            dynamic = _search(param, segments, index + 1, values)
            values.pop()
            if literal is None or (dynamic is not None and dynamic[0] < literal[0]):
                return dynamic
            return literal
        if child is not None:
            node = child
        elif param is not None:
            values = [*values, segment]
            node = param
        else:
            return None
        index += 1
    if node.terminal is None:
        return None
    seq, route, names = node.terminal
    # names and values come from the same segments, so their lengths agree (strict=True is slower).
    return seq, route, dict(zip(names, values))  # noqa: B905
