"""Agents for Amazon Bedrock action group event (OpenAPI-schema action groups)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.events.proxy import BaseProxyEvent
from powertools.data_classes._fields import Field, ListOf, Section, mapping, text, wrap_list

__all__ = [
    "BedrockAgentEvent",
    "BedrockAgentInfo",
    "BedrockAgentProperty",
    "BedrockAgentRequestBody",
    "BedrockAgentRequestMedia",
]


class BedrockAgentInfo(DictWrapper):
    name = Field[str]("name")
    id = Field[str]("id")  # upstream's name
    alias = Field[str]("alias")
    version = Field[str]("version")


class BedrockAgentProperty(DictWrapper):
    """One named, typed value; Bedrock sends every value as a string."""

    name = Field[str]("name")
    type = Field[str]("type")  # upstream's name
    value = Field[str]("value")


class BedrockAgentRequestMedia(DictWrapper):
    properties = ListOf(BedrockAgentProperty, "properties")


class BedrockAgentRequestBody(DictWrapper):
    @property
    def content(self) -> dict[str, BedrockAgentRequestMedia]:
        """Body properties by media type (``application/json``)."""
        content = mapping(self._data.get("content") or {}, "requestBody.content")
        return {media: BedrockAgentRequestMedia(mapping(value, media)) for media, value in content.items()}


def _by_name(properties: Iterable[BedrockAgentProperty], field: str) -> dict[str, Any]:
    return {text(p.name, f"{field}.name"): p.value for p in properties}


class BedrockAgentEvent(BaseProxyEvent):
    """An agent calling an API operation of an action group.

    It is also a ``BaseProxyEvent`` (``path`` is the API path), so the event handler can
    route it like an HTTP request.
    """

    message_version = Field[str]("messageVersion")
    input_text = Field[str]("inputText", "What the user asked the agent.")
    session_id = Field[str]("sessionId")
    action_group = Field[str]("actionGroup")
    api_path = Field[str]("apiPath")
    parameters = ListOf(BedrockAgentProperty, "parameters")
    request_body = Section(BedrockAgentRequestBody, "requestBody", optional=True)
    agent = Section(BedrockAgentInfo, "agent")
    session_attributes = Field[dict[str, str]]("sessionAttributes")
    prompt_session_attributes = Field[dict[str, str]]("promptSessionAttributes")

    @property
    def path(self) -> str:
        return self._require("apiPath")

    @property
    def query_string_parameters(self) -> dict[str, str]:
        """Bedrock sends path, query and header parameters together: all of them, by name."""
        return _by_name(wrap_list(self, "parameters", BedrockAgentProperty), "parameters")

    @property
    def resolved_query_string_parameters(self) -> dict[str, list[str]]:
        # Values are never comma-split here: an agent may pass text containing commas.
        return {name: [value] for name, value in self.query_string_parameters.items()}

    @property
    def resolved_headers_field(self) -> dict[str, Any]:
        return {}

    @property
    def json_body(self) -> Any:
        """The ``application/json`` body properties as ``{name: value}``; None without one."""
        body = self.request_body
        media = body.content.get("application/json") if body is not None else None
        if media is None:
            return None
        return _by_name(media.properties, "requestBody.content.properties")
