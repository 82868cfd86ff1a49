"""The middleware protocol and a base class for middlewares that carry configuration."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from powertools.event_handler.response import Response

__all__ = ["BaseMiddlewareHandler", "NextMiddleware"]

EventHandlerInstance = TypeVar("EventHandlerInstance")


class NextMiddleware(Protocol):
    """The rest of the chain: call it with the app to get the route's Response."""

    def __call__(self, app: Any) -> Response: ...

    @property
    def __name__(self) -> str: ...


class BaseMiddlewareHandler(Generic[EventHandlerInstance], ABC):
    """Subclass and implement ``handler``; instances go in ``app.use([...])`` or ``middlewares=[...]``."""

    @abstractmethod
    def handler(self, app: EventHandlerInstance, next_middleware: NextMiddleware) -> Response:
        """Do work before and/or after ``next_middleware(app)``, or return a Response early."""

    @property
    def __name__(self) -> str:
        # Frames and debug output name middlewares; an instance has no __name__ of its own.
        return type(self).__qualname__.rpartition(".")[2]

    def __call__(self, app: EventHandlerInstance, next_middleware: NextMiddleware) -> Response:
        return self.handler(app, next_middleware)
