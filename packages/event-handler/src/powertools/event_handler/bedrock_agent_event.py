"""The event of a Bedrock agent action group defined with an OpenAPI schema, as a proxy event.

The agent sends ``apiPath``/``httpMethod``, every parameter (path and query alike) in one
``parameters`` list and a JSON body as a list of ``properties``; this class presents them
the way the HTTP resolver reads any request.
"""

from __future__ import annotations

from typing import Any

from powertools.common.events.proxy import BaseProxyEvent

__all__ = ["BedrockAgentEvent"]


class BedrockAgentEvent(BaseProxyEvent):
    __slots__ = ()

    @property
    def message_version(self) -> str:
        return self._require("messageVersion")

    @property
    def input_text(self) -> str:
        return self._require("inputText")

    @property
    def session_id(self) -> str:
        return self._require("sessionId")

    @property
    def action_group(self) -> str:
        return self._require("actionGroup")

    @property
    def api_path(self) -> str:
        return self._require("apiPath")

    @property
    def path(self) -> str:
        return self._require("apiPath")

    @property
    def parameters(self) -> list[dict[str, Any]]:
        parameters = self._data.get("parameters") or []
        return [p for p in parameters if isinstance(p, dict) and "name" in p]

    @property
    def agent(self) -> dict[str, Any]:
        return self._data.get("agent") or {}

    @property
    def session_attributes(self) -> dict[str, str]:
        return self._data.get("sessionAttributes") or {}

    @property
    def prompt_session_attributes(self) -> dict[str, str]:
        return self._data.get("promptSessionAttributes") or {}

    @property
    def query_string_parameters(self) -> dict[str, Any]:
        # The agent does not say which parameters are in the path and which in the query.
        return {p["name"]: p.get("value") for p in self.parameters}

    @property
    def resolved_query_string_parameters(self) -> dict[str, list[Any]]:
        # One value each: a value may itself contain commas (a SQL query, a sentence).
        return {p["name"]: [p.get("value")] for p in self.parameters}

    @property
    def resolved_headers_field(self) -> dict[str, Any]:
        return {}

    @property
    def json_body(self) -> Any:
        """``{"name": value}`` from the ``application/json`` properties list; None without one."""
        body = self._data.get("requestBody")
        content = body.get("content") if isinstance(body, dict) else None
        json_content = content.get("application/json") if isinstance(content, dict) else None
        if not json_content:
            return None
        properties = json_content.get("properties") or []
        return {p["name"]: p.get("value") for p in properties if isinstance(p, dict) and "name" in p}
