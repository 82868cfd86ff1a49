"""Resolver for Bedrock agent action groups defined with an OpenAPI schema.

Routes are declared as for a REST API (``@app.get("/claims/<claim_id>")``); the agent's event
is routed by ``apiPath`` and ``httpMethod`` and the answer is wrapped in the document Bedrock
expects. ``app.get_openapi_json_schema()`` produces the OpenAPI 3.0 schema to upload to the
action group. Validation is on by default (needs the ``validation`` extra).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from powertools.event_handler.api_gateway import ApiGatewayResolver, ProxyEventType
from powertools.event_handler.response import Response
from powertools.event_handler.response_builder import ResponseBuilder

if TYPE_CHECKING:
    from powertools.event_handler.route import Route

__all__ = ["BedrockAgentResolver", "BedrockResponse"]


class BedrockResponse(Response[Any]):
    """A route's answer with the agent's session state: session/prompt attributes, knowledge bases.

    Bedrock takes the body as text only, so it is always serialized as JSON, whatever ``content_type`` says.
    """

    __slots__ = ("knowledge_bases_configuration", "prompt_session_attributes", "session_attributes")

    def __init__(
        self,
        body: Any = None,
        status_code: int = 200,
        content_type: str = "application/json",
        session_attributes: dict[str, Any] | None = None,
        prompt_session_attributes: dict[str, Any] | None = None,
        knowledge_bases_configuration: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(status_code, content_type, body)
        self.session_attributes = session_attributes
        self.prompt_session_attributes = prompt_session_attributes
        self.knowledge_bases_configuration = knowledge_bases_configuration

    def is_json(self) -> bool:
        return True


class BedrockAgentResolver(ApiGatewayResolver):
    """Routes Bedrock agent (OpenAPI action group) events to functions; ``security`` is not used by Bedrock."""

    _proxy_event_type = ProxyEventType.BedrockAgentEvent

    def __init__(
        self, debug: bool = False, enable_validation: bool = True, serializer: Callable[[Any], str] | None = None
    ) -> None:
        super().__init__(ProxyEventType.BedrockAgentEvent, None, debug, serializer, None, enable_validation, None, None)

    def _method_route(self, method: str, rule: str, **options: Any) -> Any:
        # As upstream: get/post/put/patch/delete take no ``security`` (Bedrock agents ignore it).
        if "security" in options:
            raise TypeError(f"{method.lower()}() got an unexpected keyword argument 'security'")
        return super()._method_route(method, rule, **options)

    def _call_route(self, route: Route, arguments: dict[str, str]) -> ResponseBuilder:
        if arguments:
            # The event's apiPath is the template ("/claims/{claim_id}"): the values are in "parameters".
            event = self._current_event
            arguments = {p["name"]: p.get("value") for p in event.parameters}  # type: ignore[union-attr]
        return super()._call_route(route, arguments)

    def _build_response(self, builder: ResponseBuilder) -> dict[str, Any]:
        response = builder.response
        event: Any = self._current_event
        body = response.body
        if response.is_json() and not isinstance(body, str):
            body = self._serializer(body)
        document: dict[str, Any] = {
            "messageVersion": "1.0",
            "response": {
                "actionGroup": event.action_group,
                "apiPath": event.api_path,
                "httpMethod": event.http_method,
                "httpStatusCode": response.status_code,
                "responseBody": {response.content_type: {"body": body}},
            },
        }
        if isinstance(response, BedrockResponse):
            if response.session_attributes:
                document["sessionAttributes"] = response.session_attributes
            if response.prompt_session_attributes:
                document["promptSessionAttributes"] = response.prompt_session_attributes
            if response.knowledge_bases_configuration:
                document["knowledgeBasesConfiguration"] = response.knowledge_bases_configuration
        return document

    def get_openapi_json_schema(self, **options: Any) -> str:
        """The schema as Bedrock accepts it: OpenAPI 3.0.3, ``nullable`` instead of ``anyOf [..., null]``."""
        options.pop("external_documentation", None)  # not one of upstream's options for Bedrock
        schema = self.get_openapi_schema(**options)
        schema.openapi = "3.0.3"
        document = json.loads(schema.model_dump_json(by_alias=True, exclude_none=True))
        _nullable_for_openapi_30(document)
        return json.dumps(document)


def _nullable_for_openapi_30(node: Any, depth: int = 0) -> None:
    if depth > 256:
        return
    if isinstance(node, Mapping):
        any_of = node.get("anyOf")
        if isinstance(any_of, list) and any(isinstance(item, dict) and item.get("type") == "null" for item in any_of):
            node["anyOf"] = [item for item in any_of if not (isinstance(item, dict) and item.get("type") == "null")]  # type: ignore[index]
            node["nullable"] = True  # type: ignore[index]
        for value in node.values():
            _nullable_for_openapi_30(value, depth + 1)
    elif isinstance(node, list):
        for item in node:
            _nullable_for_openapi_30(item, depth + 1)
