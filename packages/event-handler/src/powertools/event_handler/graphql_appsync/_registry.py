"""Resolvers by ``(type name, field name)``: one dict lookup, then the ``"*"`` type fallback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

ANY_TYPE = "*"


class ResolverSpec:
    """A registered resolver and how a batch reaches it."""

    __slots__ = ("aggregate", "func", "raise_on_error")

    def __init__(self, func: Callable[..., Any], raise_on_error: bool, aggregate: bool) -> None:
        self.func = func
        self.raise_on_error = raise_on_error
        self.aggregate = aggregate

    def __repr__(self) -> str:
        name = getattr(self.func, "__name__", repr(self.func))
        return f"ResolverSpec({name}, raise_on_error={self.raise_on_error}, aggregate={self.aggregate})"


class ResolverRegistry:
    """``(type_name, field_name) -> ResolverSpec``; registering a key again replaces it (as upstream)."""

    __slots__ = ("resolvers",)

    def __init__(self) -> None:
        self.resolvers: dict[tuple[str, str | None], ResolverSpec] = {}

    def register(
        self,
        type_name: str = ANY_TYPE,
        field_name: str | None = None,
        raise_on_error: bool = False,
        aggregate: bool = True,
    ) -> Callable[[F], F]:
        def _register(func: F) -> F:
            self.resolvers[(type_name, field_name)] = ResolverSpec(func, raise_on_error, aggregate)
            return func

        return _register

    def find_resolver(self, type_name: str | None, field_name: str | None) -> ResolverSpec | None:
        resolvers = self.resolvers
        found = resolvers.get((type_name, field_name))  # type: ignore[arg-type]  # None never matches a key
        if found is None:
            found = resolvers.get((ANY_TYPE, field_name))
        return found

    def merge(self, other: ResolverRegistry) -> None:
        self.resolvers.update(other.resolvers)
