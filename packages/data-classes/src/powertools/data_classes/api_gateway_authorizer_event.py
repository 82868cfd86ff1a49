"""API Gateway Lambda authorizer events and the responses (simple and IAM policy) they return."""

from __future__ import annotations

import enum
import re
from typing import Any

from powertools.common.dict_wrapper import DictWrapper, get_header_value
from powertools.common.events.api_gateway import BaseRequestContext, BaseRequestContextV2
from powertools.common.events.proxy import CaseInsensitiveDict
from powertools.common.exceptions import InvalidEventError, PowertoolsError
from powertools.data_classes._fields import Field, FieldOr, mapping, text

__all__ = [
    "DENY_ALL_RESPONSE",
    "APIGatewayAuthorizerEventV2",
    "APIGatewayAuthorizerRequestEvent",
    "APIGatewayAuthorizerResponse",
    "APIGatewayAuthorizerResponseV2",
    "APIGatewayAuthorizerResponseWebSocket",
    "APIGatewayAuthorizerTokenEvent",
    "APIGatewayRouteArn",
    "AuthorizerResponseError",
    "HttpVerb",
    "parse_api_gateway_arn",
]


class AuthorizerResponseError(PowertoolsError, ValueError):
    """A policy was built with an unknown HTTP verb, a malformed path, or no statements."""


class APIGatewayRouteArn:
    """The parts of an ``execute-api`` method or route ARN."""

    def __init__(
        self,
        region: str,
        aws_account_id: str,
        api_id: str,
        stage: str,
        http_method: str | None,
        resource: str,
        partition: str = "aws",
        is_websocket_authorizer: bool = False,
    ) -> None:
        self.partition = partition
        self.region = region
        self.aws_account_id = aws_account_id
        self.api_id = api_id
        self.stage = stage
        self.http_method = http_method
        self.resource = resource.lstrip("/")  # ARNs hold the path without its leading slash
        self.is_websocket_authorizer = is_websocket_authorizer

    @property
    def arn(self) -> str:
        """``arn:aws:execute-api:<region>:<account>:<api>/<stage>/<VERB>/<path>`` (no verb for WebSocket)."""
        base = f"arn:{self.partition}:execute-api:{self.region}:{self.aws_account_id}:{self.api_id}/{self.stage}"
        if self.is_websocket_authorizer:
            return f"{base}/{self.resource}"
        return f"{base}/{self.http_method}/{self.resource}"

    def __repr__(self) -> str:
        return f"APIGatewayRouteArn({self.arn!r})"


def parse_api_gateway_arn(arn: str, is_websocket_authorizer: bool = False) -> APIGatewayRouteArn:
    """Split a ``methodArn``/``routeArn``; raises ``InvalidEventError`` on anything else."""
    parts = text(arn, "methodArn").split(":", 5)
    path = parts[5].split("/") if len(parts) == 6 else []
    minimum = 2 if is_websocket_authorizer else 3
    if len(parts) != 6 or parts[2] != "execute-api" or len(path) < minimum:
        raise InvalidEventError(f"not an API Gateway execute-api ARN: {arn!r:.200}", field="methodArn")
    if is_websocket_authorizer:
        method, resource = None, "/".join(path[2:])
    else:
        method, resource = path[2], "/".join(path[3:])
    return APIGatewayRouteArn(
        region=parts[3],
        aws_account_id=parts[4],
        api_id=path[0],
        stage=path[1],
        http_method=method,
        resource=resource,
        partition=parts[1],
        is_websocket_authorizer=is_websocket_authorizer,
    )


class APIGatewayAuthorizerTokenEvent(DictWrapper):
    """REST API ``TOKEN`` authorizer input."""

    get_type = Field[str]("type", "Always ``TOKEN``.")
    authorization_token = Field[str]("authorizationToken", "The identity source header's value.")
    method_arn = Field[str]("methodArn")

    @property
    def parsed_arn(self) -> APIGatewayRouteArn:
        return parse_api_gateway_arn(self.method_arn)  # type: ignore[arg-type]


class APIGatewayAuthorizerRequestEvent(DictWrapper):
    """REST API ``REQUEST`` authorizer input (and WebSocket ``$connect`` authorizers)."""

    version = Field[str]("version")
    get_type = Field[str]("type", "Always ``REQUEST``.")
    method_arn = Field[str]("methodArn")
    identity_source = Field[str]("identitySource")
    authorization_token = Field[str]("authorizationToken")
    resource = Field[str]("resource")
    path = Field[str]("path")
    http_method = Field[str]("httpMethod")
    query_string_parameters = Field[dict[str, str]]("queryStringParameters")
    path_parameters = Field[dict[str, str]]("pathParameters")
    stage_variables = Field[dict[str, str]]("stageVariables")

    @property
    def parsed_arn(self) -> APIGatewayRouteArn:
        is_websocket = isinstance(self.method_arn, str) and "/$connect" in self.method_arn
        return parse_api_gateway_arn(self.method_arn, is_websocket_authorizer=is_websocket)  # type: ignore[arg-type]

    @property
    def headers(self) -> CaseInsensitiveDict:
        return CaseInsensitiveDict(mapping(self._data.get("headers") or {}, "headers"))

    @property
    def multi_value_headers(self) -> dict[str, list[str]] | None:
        return self._data.get("multiValueHeaders")

    @property
    def multi_value_query_string_parameters(self) -> dict[str, list[str]] | None:
        return self._data.get("multiValueQueryStringParameters")

    @property
    def request_context(self) -> BaseRequestContext:
        return BaseRequestContext(mapping(self._data.get("requestContext") or {}, "requestContext"))

    def get_header_value(self, name: str, default_value: str | None = None, case_sensitive: bool = False) -> str | None:
        return get_header_value(
            mapping(self._data.get("headers") or {}, "headers"), name, default_value, case_sensitive
        )


class APIGatewayAuthorizerEventV2(DictWrapper):
    """HTTP API Lambda authorizer input, payload format 2.0."""

    version = Field[str]("version", "``2.0``.")
    get_type = Field[str]("type", "Always ``REQUEST``.")
    route_arn = Field[str]("routeArn")
    identity_source = FieldOr[list[str]]("identitySource", list, "Values of the configured identity sources.")
    route_key = Field[str]("routeKey")
    raw_path = Field[str]("rawPath")
    raw_query_string = Field[str]("rawQueryString")
    cookies = Field[list[str]]("cookies")
    query_string_parameters = Field[dict[str, str]]("queryStringParameters")
    path_parameters = FieldOr[dict[str, str]]("pathParameters", dict)
    stage_variables = FieldOr[dict[str, str]]("stageVariables", dict)

    @property
    def parsed_arn(self) -> APIGatewayRouteArn:
        return parse_api_gateway_arn(self.route_arn)  # type: ignore[arg-type]

    @property
    def headers(self) -> CaseInsensitiveDict:
        return CaseInsensitiveDict(mapping(self._data.get("headers") or {}, "headers"))

    @property
    def request_context(self) -> BaseRequestContextV2:
        return BaseRequestContextV2(mapping(self._data.get("requestContext") or {}, "requestContext"))

    def get_header_value(self, name: str, default_value: str | None = None, case_sensitive: bool = False) -> str | None:
        return get_header_value(
            mapping(self._data.get("headers") or {}, "headers"), name, default_value, case_sensitive
        )


class APIGatewayAuthorizerResponseV2:
    """HTTP API "simple response": ``{"isAuthorized": bool, "context": {...}}``."""

    def __init__(self, authorize: bool = False, context: dict[str, Any] | None = None) -> None:
        self.authorize = authorize
        self.context = context

    def asdict(self) -> dict[str, Any]:
        response: dict[str, Any] = {"isAuthorized": self.authorize}
        if self.context:
            response["context"] = self.context
        return response


class HttpVerb(enum.Enum):
    GET = "GET"
    POST = "POST"
    PUT = "PUT"
    PATCH = "PATCH"
    HEAD = "HEAD"
    DELETE = "DELETE"
    OPTIONS = "OPTIONS"
    ALL = "*"


DENY_ALL_RESPONSE: dict[str, Any] = {
    "principalId": "deny-all-user",
    "policyDocument": {
        "Version": "2012-10-17",
        "Statement": [{"Action": "execute-api:Invoke", "Effect": "Deny", "Resource": ["*"]}],
    },
}

_VERBS = frozenset(verb.value for verb in HttpVerb)


class APIGatewayAuthorizerResponse:
    """IAM policy response for REST API (and HTTP API payload 1.0) authorizers.

    Unconditional routes of one effect share a statement; each conditional route gets its
    own, since a condition applies to a whole statement.
    """

    path_regex = r"^[/.a-zA-Z0-9\-_\*\{\}\+]+$"
    _path_pattern = re.compile(path_regex)

    def __init__(
        self,
        principal_id: str,
        region: str,
        aws_account_id: str,
        api_id: str,
        stage: str,
        context: dict[str, Any] | None = None,
        usage_identifier_key: str | None = None,
        partition: str = "aws",
    ) -> None:
        self.principal_id = principal_id
        self.region = region
        self.aws_account_id = aws_account_id
        self.api_id = api_id
        self.stage = stage
        self.context = context
        self.usage_identifier_key = usage_identifier_key
        self.partition = partition
        self._allow_routes: list[tuple[str, list[dict[str, Any]] | None]] = []
        self._deny_routes: list[tuple[str, list[dict[str, Any]] | None]] = []

    @classmethod
    def from_route_arn(
        cls,
        arn: str,
        principal_id: str,
        context: dict[str, Any] | None = None,
        usage_identifier_key: str | None = None,
    ) -> APIGatewayAuthorizerResponse:
        """A response for the API and stage the incoming ``methodArn`` names."""
        parsed = parse_api_gateway_arn(
            arn, is_websocket_authorizer=issubclass(cls, APIGatewayAuthorizerResponseWebSocket)
        )
        return cls(
            principal_id,
            parsed.region,
            parsed.aws_account_id,
            parsed.api_id,
            parsed.stage,
            context,
            usage_identifier_key,
            parsed.partition,
        )

    def _route_arn(self, http_method: str | None, resource: str) -> str:
        return APIGatewayRouteArn(
            self.region, self.aws_account_id, self.api_id, self.stage, http_method, resource, self.partition
        ).arn

    def _add_route(
        self, effect: str, http_method: str, resource: str, conditions: list[dict[str, Any]] | None = None
    ) -> None:
        if http_method in HttpVerb.__members__:
            http_method = HttpVerb[http_method].value
        if http_method not in _VERBS:
            allowed = [verb.value for verb in HttpVerb]  # upstream's wording, listed in its order
            raise AuthorizerResponseError(f"Invalid HTTP verb: '{http_method}'. Use either '{allowed}'")
        if not self._path_pattern.match(resource):
            raise AuthorizerResponseError(f"Invalid resource path: {resource}. Path should match {self.path_regex}")
        self._store(effect, self._route_arn(http_method, resource), conditions)

    def _store(self, effect: str, arn: str, conditions: list[dict[str, Any]] | None) -> None:
        (self._allow_routes if effect == "Allow" else self._deny_routes).append((arn, conditions))

    def allow_all_routes(self, http_method: str = HttpVerb.ALL.value) -> None:
        """Allow every path (for ``http_method``, default every verb)."""
        self._add_route("Allow", http_method, "*")

    def deny_all_routes(self, http_method: str = HttpVerb.ALL.value) -> None:
        """Deny every path (for ``http_method``, default every verb)."""
        self._add_route("Deny", http_method, "*")

    def allow_route(self, http_method: str, resource: str, conditions: list[dict[str, Any]] | None = None) -> None:
        """Allow one verb + path, optionally under IAM policy ``conditions``."""
        self._add_route("Allow", http_method, resource, conditions)

    def deny_route(self, http_method: str, resource: str, conditions: list[dict[str, Any]] | None = None) -> None:
        """Deny one verb + path, optionally under IAM policy ``conditions``."""
        self._add_route("Deny", http_method, resource, conditions)

    @staticmethod
    def _statements(effect: str, routes: list[tuple[str, list[dict[str, Any]] | None]]) -> list[dict[str, Any]]:
        shared: list[str] = []
        statements: list[dict[str, Any]] = []
        for arn, conditions in routes:
            if conditions:
                statements.append(
                    {"Action": "execute-api:Invoke", "Effect": effect, "Resource": [arn], "Condition": conditions}
                )
            else:
                shared.append(arn)
        if shared:
            statements.append({"Action": "execute-api:Invoke", "Effect": effect, "Resource": shared})
        return statements

    def asdict(self) -> dict[str, Any]:
        """The response document API Gateway expects."""
        if not self._allow_routes and not self._deny_routes:
            raise AuthorizerResponseError("No statements defined for the policy")
        statements = self._statements("Allow", self._allow_routes) + self._statements("Deny", self._deny_routes)
        response: dict[str, Any] = {
            "principalId": self.principal_id,
            "policyDocument": {"Version": "2012-10-17", "Statement": statements},
        }
        if self.usage_identifier_key:
            response["usageIdentifierKey"] = self.usage_identifier_key
        if self.context:
            response["context"] = self.context
        return response


class APIGatewayAuthorizerResponseWebSocket(APIGatewayAuthorizerResponse):
    """IAM policy response for WebSocket ``$connect`` authorizers: routes have no HTTP verb."""

    def _route_arn(self, http_method: str | None, resource: str) -> str:
        return APIGatewayRouteArn(
            self.region, self.aws_account_id, self.api_id, self.stage, None, resource, self.partition, True
        ).arn

    def allow_all_routes(self, http_method: str = HttpVerb.ALL.value) -> None:
        self._store("Allow", self._route_arn(None, "*"), None)

    def deny_all_routes(self, http_method: str = HttpVerb.ALL.value) -> None:
        self._store("Deny", self._route_arn(None, "*"), None)

    def allow_route(self, resource: str, conditions: list[dict[str, Any]] | None = None) -> None:  # type: ignore[override]
        self._store("Allow", self._route_arn(None, resource), conditions)

    def deny_route(self, resource: str, conditions: list[dict[str, Any]] | None = None) -> None:  # type: ignore[override]
        self._store("Deny", self._route_arn(None, resource), conditions)
