"""Resolver for Bedrock agent action groups defined with function details.

The agent sends ``{"function": ..., "parameters": [{"name", "type", "value"}], ...}``;
the registered tool is called with the parameters as keyword arguments and its
result is wrapped in the ``functionResponse`` document Bedrock expects.
"""

from __future__ import annotations

import inspect
import json
import logging
import warnings
from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeVar

from powertools.common import PowertoolsError

T = TypeVar("T", bound=Callable[..., Any])

logger = logging.getLogger(__name__)

_RESPONSE_STATES = ("FAILURE", "REPROMPT")


class BedrockFunctionResponse:
    """What a tool may return to set session attributes, knowledge bases or a response state."""

    def __init__(
        self,
        body: Any = None,
        session_attributes: dict[str, str] | None = None,
        prompt_session_attributes: dict[str, str] | None = None,
        knowledge_bases: list[dict[str, Any]] | None = None,
        response_state: Literal["FAILURE", "REPROMPT"] | None = None,
    ) -> None:
        if response_state and response_state not in _RESPONSE_STATES:
            # ValueError as upstream, so `except ValueError` in user code keeps working.
            raise ValueError("responseState must be 'FAILURE' or 'REPROMPT'")
        self.body = body
        self.session_attributes = session_attributes
        self.prompt_session_attributes = prompt_session_attributes
        self.knowledge_bases = knowledge_bases
        self.response_state = response_state


class InvalidBedrockFunctionEventError(PowertoolsError, ValueError):
    """The event lacks a field every function-details agent event carries."""


def _convert(kind: Any, value: Any) -> Any:
    # Bedrock sends every value as a string; convert by the declared type, keep it as is when it doesn't convert.
    if kind == "string":
        return str(value)
    if kind == "integer":
        try:
            return int(value)
        except (TypeError, ValueError):
            return value
    if kind == "number":
        try:
            return float(value)
        except (TypeError, ValueError):
            return value
    if kind == "boolean":
        return value.lower() == "true" if isinstance(value, str) else bool(value)
    return value


class BedrockAgentFunctionResolver:
    """Route a function-details action group event to the tool named by ``function``."""

    def __init__(self, serializer: Callable[[Any], str] | None = None) -> None:
        self._tools: dict[str, dict[str, Any]] = {}
        self.current_event: dict[str, Any] | None = None
        self.context: dict[str, Any] = {}
        self.serializer = serializer or json.dumps

    def tool(self, name: str | None = None, description: str | None = None) -> Callable[[T], T]:
        """Register a function as the tool ``name`` (the function's own name by default)."""

        def decorator(func: T) -> T:
            tool_name = name or func.__name__
            if tool_name in self._tools:
                warnings.warn(
                    f"Tool '{tool_name}' already registered. Overwriting with new definition.",
                    UserWarning,
                    stacklevel=2,
                )
            self._tools[tool_name] = {"function": func, "description": description}
            return func

        return decorator

    def resolve(self, event: Mapping[str, Any], context: Any) -> dict[str, Any]:
        if not isinstance(event, Mapping):
            raise InvalidBedrockFunctionEventError("Bedrock agent function event must be a mapping")
        for field in ("actionGroup", "function"):
            if field not in event:
                raise InvalidBedrockFunctionEventError(f"Missing required field: '{field}'")
        self.current_event = dict(event)
        name = event["function"]
        try:
            kwargs = {
                p["name"]: _convert(p.get("type"), p.get("value"))
                for p in (event.get("parameters") or [])
                if isinstance(p, Mapping) and "name" in p
            }
            func = self._tools[name]["function"]
            accepted = inspect.signature(func).parameters
            result = func(**{k: v for k, v in kwargs.items() if k in accepted})
            self.clear_context()
        except Exception as error:  # the agent gets the error as text, as upstream does
            logger.error("Error processing function: %s", name, exc_info=True)
            result = BedrockFunctionResponse(body=f"Error: {error.__class__.__name__}: {error}")
        return self._build(event, result)

    def _build(self, event: Mapping[str, Any], result: Any) -> dict[str, Any]:
        body = getattr(result, "body", result) if isinstance(result, BedrockFunctionResponse) else result
        is_rich = isinstance(result, BedrockFunctionResponse)
        session = result.session_attributes if is_rich else None
        prompt = result.prompt_session_attributes if is_rich else None
        function_response: dict[str, Any] = {
            "responseBody": {"TEXT": {"body": self.serializer(body if body is not None else "")}},
        }
        if is_rich and result.response_state:
            function_response["responseState"] = result.response_state
        response: dict[str, Any] = {
            "messageVersion": "1.0",
            "response": {
                "actionGroup": event["actionGroup"],
                "function": event["function"],
                "functionResponse": function_response,
            },
            "sessionAttributes": session or event.get("sessionAttributes") or {},
            "promptSessionAttributes": prompt or event.get("promptSessionAttributes") or {},
        }
        if is_rich and result.knowledge_bases:
            response["knowledgeBasesConfiguration"] = result.knowledge_bases
        return response

    def append_context(self, **additional_context: Any) -> None:
        self.context.update(**additional_context)

    def clear_context(self) -> None:
        self.context.clear()
