"""``Request``: the request being resolved, for route functions, dependencies and middlewares.

A route or ``Depends()`` function gets it by declaring a parameter typed ``Request``; a
middleware reads ``app.request``. It is built on first use in a request and reads the event
lazily, so it costs nothing for the routes that don't ask for it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from powertools.common.events.proxy import BaseProxyEvent

__all__ = ["Request", "current_request"]

_PATH_PARAM = re.compile(r"<(\w+)>")
REQUEST_KEY = "_request"  # app.context key: one Request per invocation


class Request:
    """The resolved HTTP request: the matched route, its path values, and the event's method, headers, query and body.

    ``resolved_event`` is the integration's full event object (cookies, request context, helper
    methods); ``context`` is the resolver's ``app.context`` for this request, so what a middleware
    appends there a dependency can read.
    """

    __slots__ = ("_context", "_current_event", "_path_parameters", "_route_path")

    def __init__(
        self,
        route_path: str,
        path_parameters: dict[str, Any],
        current_event: BaseProxyEvent,
        context: dict[str, Any] | None = None,
    ) -> None:
        self._route_path = route_path
        self._path_parameters = path_parameters
        self._current_event = current_event
        self._context = context if context is not None else {}

    @property
    def route(self) -> str:
        """The matched rule as an OpenAPI path template: ``/todos/<todo_id>`` reads ``/todos/{todo_id}``."""
        return self._route_path

    @property
    def path_parameters(self) -> dict[str, Any]:
        """The values of the rule's ``<name>`` segments (converted to their types under ``enable_validation``)."""
        return self._path_parameters

    @property
    def method(self) -> str:
        """The HTTP method, upper-case."""
        return str(self._current_event.http_method).upper()

    @property
    def headers(self) -> dict[str, Any]:
        """The event's headers, as the integration sent them (lower-case names in most)."""
        return self._current_event.headers or {}

    @property
    def query_parameters(self) -> dict[str, Any] | None:
        """The query string's values (the last of each repeated name), or None without a query string."""
        return self._current_event.query_string_parameters

    @property
    def body(self) -> str | None:
        """The raw body (still base64 when the event says so), or None."""
        return self._current_event.body

    @property
    def json_body(self) -> Any:
        """The body parsed as JSON."""
        return self._current_event.json_body

    @property
    def resolved_event(self) -> BaseProxyEvent:
        """The integration's event object (``app.current_event``)."""
        return self._current_event

    @property
    def context(self) -> dict[str, Any]:
        """``app.context`` of this request: what middlewares and ``append_context`` put there."""
        return self._context


def current_request(app: Any) -> Request:
    """``app.request``: the Request of the invocation being resolved (one per invocation)."""
    context = app.context
    request = context.get(REQUEST_KEY)
    if request is not None:
        return request
    route = context.get("_route")
    if route is None:
        raise RuntimeError(
            "app.request is only available after route resolution. Use it inside middleware or a route handler."
        )
    arguments = context.get("_route_args", {})
    names = _PATH_PARAM.findall(route.path)
    request = Request(
        _PATH_PARAM.sub(r"{\1}", route.path),
        {name: arguments[name] for name in names if name in arguments},
        app.current_event,
        context,
    )
    context[REQUEST_KEY] = request
    return request
