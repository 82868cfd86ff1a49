"""Amazon API Gateway proxy events: REST API (payload 1.0) and HTTP API (payload 2.0)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from powertools.common.dict_wrapper import DictWrapper, new_wrapper, wrap_section
from powertools.common.events.proxy import (
    HTTP_API_HEADERS,
    MULTI_VALUE_HEADERS,
    BaseHeadersSerializer,
    BaseProxyEvent,
    CaseInsensitiveDict,
    parse_cookie_header,
)
from powertools.common.exceptions import InvalidEventError

__all__ = [
    "APIGatewayEventAuthorizer",
    "APIGatewayEventIdentity",
    "APIGatewayEventRequestContext",
    "APIGatewayProxyEvent",
    "APIGatewayProxyEventV2",
    "BaseRequestContext",
    "BaseRequestContextV2",
    "RequestContextClientCert",
    "RequestContextV2",
    "RequestContextV2Authorizer",
    "RequestContextV2AuthorizerIam",
    "RequestContextV2Http",
]


class RequestContextClientCert(DictWrapper):
    """The client certificate of a mutual-TLS request."""

    __slots__ = ()

    @property
    def client_cert_pem(self) -> str:
        return self._data.get("clientCertPem", "")

    @property
    def issuer_dn(self) -> str:
        return self._data.get("issuerDN", "")

    @property
    def serial_number(self) -> str:
        return self._data.get("serialNumber", "")

    @property
    def subject_dn(self) -> str:
        return self._data.get("subjectDN", "")

    @property
    def validity_not_after(self) -> str:
        return self._section("validity").get("notAfter", "")

    @property
    def validity_not_before(self) -> str:
        return self._section("validity").get("notBefore", "")


class APIGatewayEventIdentity(DictWrapper):
    """Who called a REST API: IP, user agent, IAM or Cognito identity, API key."""

    __slots__ = ()

    @property
    def access_key(self) -> str | None:
        return self._data.get("accessKey")

    @property
    def account_id(self) -> str | None:
        return self._data.get("accountId")

    @property
    def api_key(self) -> str | None:
        return self._data.get("apiKey")

    @property
    def api_key_id(self) -> str | None:
        return self._data.get("apiKeyId")

    @property
    def caller(self) -> str | None:
        return self._data.get("caller")

    @property
    def cognito_authentication_provider(self) -> str | None:
        return self._data.get("cognitoAuthenticationProvider")

    @property
    def cognito_authentication_type(self) -> str | None:
        return self._data.get("cognitoAuthenticationType")

    @property
    def cognito_identity_id(self) -> str | None:
        return self._data.get("cognitoIdentityId")

    @property
    def cognito_identity_pool_id(self) -> str | None:
        return self._data.get("cognitoIdentityPoolId")

    @property
    def principal_org_id(self) -> str | None:
        return self._data.get("principalOrgId")

    @property
    def source_ip(self) -> str:
        try:  # a subscript is cheaper than .get() when the key is there, as it almost always is
            return self._data["sourceIp"]
        except KeyError:
            return ""

    @property
    def user(self) -> str | None:
        return self._data.get("user")

    @property
    def user_agent(self) -> str | None:
        return self._data.get("userAgent")

    @property
    def user_arn(self) -> str | None:
        return self._data.get("userArn")

    @property
    def client_cert(self) -> RequestContextClientCert | None:
        cert = self._data.get("clientCert")
        return wrap_section(RequestContextClientCert, cert) if cert else None


class BaseRequestContext(DictWrapper):
    """The ``requestContext`` fields REST and WebSocket APIs share."""

    __slots__ = ()

    @property
    def account_id(self) -> str:
        return self._data.get("accountId", "")

    @property
    def api_id(self) -> str:
        return self._data.get("apiId", "")

    @property
    def domain_name(self) -> str | None:
        return self._data.get("domainName")

    @property
    def domain_prefix(self) -> str | None:
        return self._data.get("domainPrefix")

    @property
    def extended_request_id(self) -> str | None:
        return self._data.get("extendedRequestId")

    @property
    def protocol(self) -> str:
        return self._data.get("protocol", "")

    @property
    def http_method(self) -> str:
        return self._data.get("httpMethod", "")

    @property
    def identity(self) -> APIGatewayEventIdentity:
        # wrap_section and _section written out: this is read on most REST requests
        # (source IP), and each helper call costs as much as the property itself.
        try:  # REST APIs always send it: a subscript is cheaper than .get()
            data = self._data["identity"]
        except KeyError:
            data = None
        if type(data) is dict:
            identity = new_wrapper(APIGatewayEventIdentity)
            identity._data = data
            return identity
        return APIGatewayEventIdentity(data if isinstance(data, Mapping) else {})

    @property
    def path(self) -> str:
        return self._data.get("path", "")

    @property
    def stage(self) -> str:
        return self._data.get("stage", "")

    @property
    def request_id(self) -> str:
        try:  # as source_ip: the key is almost always there
            return self._data["requestId"]
        except KeyError:
            return ""

    @property
    def request_time(self) -> str | None:
        return self._data.get("requestTime")

    @property
    def request_time_epoch(self) -> int:
        return self._data.get("requestTimeEpoch", 0)

    @property
    def resource_id(self) -> str:
        return self._data.get("resourceId", "")

    @property
    def resource_path(self) -> str:
        return self._data.get("resourcePath", "")


class APIGatewayEventAuthorizer(DictWrapper):
    """What a REST API authorizer (Cognito, Lambda) attached to the request."""

    __slots__ = ()

    @property
    def claims(self) -> dict[str, Any]:
        return self._data.get("claims") or {}

    @property
    def scopes(self) -> list[str]:
        return self._data.get("scopes") or []

    @property
    def principal_id(self) -> str:
        return self._data.get("principalId") or ""

    @property
    def integration_latency(self) -> int | None:
        return self._data.get("integrationLatency")

    def get_context(self) -> dict[str, Any]:
        """The Lambda authorizer's context: every key except the ones API Gateway adds itself."""
        return {
            key: value
            for key, value in self._data.items()
            if key not in ("claims", "scopes", "principalId", "integrationLatency")
        }


class APIGatewayEventRequestContext(BaseRequestContext):
    """``requestContext`` of a REST (and WebSocket) API event."""

    __slots__ = ()

    @property
    def connected_at(self) -> int | None:
        return self._data.get("connectedAt")

    @property
    def connection_id(self) -> str | None:
        return self._data.get("connectionId")

    @property
    def event_type(self) -> str | None:
        return self._data.get("eventType")

    @property
    def message_direction(self) -> str | None:
        return self._data.get("messageDirection")

    @property
    def message_id(self) -> str | None:
        return self._data.get("messageId")

    @property
    def operation_name(self) -> str | None:
        return self._data.get("operationName")

    @property
    def route_key(self) -> str | None:
        return self._data.get("routeKey")

    @property
    def authorizer(self) -> APIGatewayEventAuthorizer:
        return wrap_section(APIGatewayEventAuthorizer, self._section("authorizer"))


class APIGatewayProxyEvent(BaseProxyEvent):
    """API Gateway REST API (and HTTP API payload 1.0) proxy event."""

    __slots__ = ()

    @property
    def version(self) -> str | None:
        """The payload version; REST API events carry none (None here, upstream raises ``KeyError``)."""
        return self._data.get("version")

    @property
    def resource(self) -> str:
        try:  # as source_ip: the key is almost always there
            return self._data["resource"]
        except KeyError:
            return ""

    @property
    def multi_value_headers(self) -> dict[str, list[str]]:
        return self._cached("multi_value_headers", lambda: CaseInsensitiveDict(self._section("multiValueHeaders")))

    @property
    def resolved_query_string_parameters(self) -> dict[str, list[str]]:
        # The multi-value map holds every value; the single-value map only the last one.
        single = {name: [value] for name, value in self.query_string_parameters.items()}
        return {**single, **self.multi_value_query_string_parameters}

    @property
    def resolved_headers_field(self) -> dict[str, Any]:
        return self.multi_value_headers or self.headers

    @property
    def request_context(self) -> APIGatewayEventRequestContext:
        # wrap_section and _require written out, as in ``identity``.
        try:
            data = self._data["requestContext"]
        except KeyError:
            raise self._missing("requestContext") from None
        if type(data) is dict:
            context = new_wrapper(APIGatewayEventRequestContext)
            context._data = data
            return context
        return APIGatewayEventRequestContext(data)

    # REST APIs send body, isBase64Encoded, pathParameters, stageVariables and
    # queryStringParameters on every request (null when empty), so these read them with a
    # subscript, cheaper than .get() when the key is there; an event without them still works.

    @property
    def body(self) -> str | None:
        try:
            return self._data["body"]
        except KeyError:
            return None

    @property
    def is_base64_encoded(self) -> bool | None:
        try:
            return self._data["isBase64Encoded"]
        except KeyError:
            return None

    @property
    def query_string_parameters(self) -> dict[str, str]:
        try:
            value = self._data["queryStringParameters"]
        except KeyError:
            return {}
        # the type check of _mapping, its common case inlined
        return value if type(value) is dict else self._mapping("queryStringParameters")

    @property
    def path_parameters(self) -> dict[str, str]:
        try:
            value = self._data["pathParameters"]
        except KeyError:
            return {}
        return value or {}

    @property
    def stage_variables(self) -> dict[str, str]:
        try:
            value = self._data["stageVariables"]
        except KeyError:
            return {}
        return value or {}

    def header_serializer(self) -> BaseHeadersSerializer:
        return MULTI_VALUE_HEADERS


class RequestContextV2Http(DictWrapper):
    """``requestContext.http`` of an HTTP API payload 2.0 event."""

    __slots__ = ()

    @property
    def method(self) -> str:
        return self._data.get("method", "")

    @property
    def path(self) -> str:
        return self._data.get("path", "")

    @property
    def protocol(self) -> str:
        return self._data.get("protocol", "")

    @property
    def source_ip(self) -> str:
        return self._data.get("sourceIp", "")

    @property
    def user_agent(self) -> str:
        return self._data.get("userAgent", "")


class BaseRequestContextV2(DictWrapper):
    """The payload 2.0 ``requestContext`` shared by HTTP APIs and Function URLs."""

    __slots__ = ()

    @property
    def account_id(self) -> str:
        return self._data.get("accountId", "")

    @property
    def api_id(self) -> str:
        return self._data.get("apiId", "")

    @property
    def domain_name(self) -> str:
        return self._data.get("domainName", "")

    @property
    def domain_prefix(self) -> str:
        return self._data.get("domainPrefix", "")

    @property
    def http(self) -> RequestContextV2Http:
        return wrap_section(RequestContextV2Http, self._section("http"))

    @property
    def request_id(self) -> str:
        return self._data.get("requestId", "")

    @property
    def route_key(self) -> str:
        return self._data.get("routeKey", "")

    @property
    def stage(self) -> str:
        return self._data.get("stage", "")

    @property
    def time(self) -> str:
        return self._data.get("time", "")

    @property
    def time_epoch(self) -> int:
        return self._data.get("timeEpoch", 0)

    @property
    def authentication(self) -> RequestContextClientCert | None:
        cert = self._section("authentication").get("clientCert")
        return wrap_section(RequestContextClientCert, cert) if cert else None


class RequestContextV2AuthorizerIam(DictWrapper):
    """The IAM (SigV4) caller of an HTTP API."""

    __slots__ = ()

    @property
    def access_key(self) -> str:
        return self._data.get("accessKey") or ""  # may be sent as null

    @property
    def account_id(self) -> str:
        return self._data.get("accountId") or ""  # may be sent as null

    @property
    def caller_id(self) -> str:
        return self._data.get("callerId") or ""  # may be sent as null

    def _cognito(self) -> Mapping[str, Any]:
        # Not an object (absent on Function URLs, or wrong-typed) reads as an empty one, like the other sections.
        return self._section("cognitoIdentity")

    @property
    def cognito_amr(self) -> list[str]:
        return self._cognito().get("amr", [])

    @property
    def cognito_identity_id(self) -> str:
        return self._cognito().get("identityId", "")

    @property
    def cognito_identity_pool_id(self) -> str:
        return self._cognito().get("identityPoolId") or ""  # may be sent as null

    @property
    def principal_org_id(self) -> str:
        return self._data.get("principalOrgId") or ""  # may be sent as null

    @property
    def user_arn(self) -> str:
        return self._data.get("userArn") or ""  # may be sent as null

    @property
    def user_id(self) -> str:
        return self._data.get("userId") or ""  # may be sent as null


class RequestContextV2Authorizer(DictWrapper):
    """What an HTTP API authorizer (JWT, Lambda or IAM) attached to the request."""

    __slots__ = ()

    @property
    def jwt_claim(self) -> dict[str, Any]:
        return self._section("jwt").get("claims") or {}

    @property
    def jwt_scopes(self) -> list[str]:
        return self._section("jwt").get("scopes") or []

    @property
    def get_lambda(self) -> dict[str, Any]:
        """The Lambda authorizer's ``context``."""
        return self._data.get("lambda") or {}

    def get_context(self) -> dict[str, Any]:
        """Alias of ``get_lambda`` that reads the same as the REST authorizer's."""
        return self.get_lambda

    @property
    def iam(self) -> RequestContextV2AuthorizerIam:
        return wrap_section(RequestContextV2AuthorizerIam, self._section("iam"))


class RequestContextV2(BaseRequestContextV2):
    """``requestContext`` of an HTTP API payload 2.0 event."""

    __slots__ = ()

    @property
    def authorizer(self) -> RequestContextV2Authorizer:
        return wrap_section(RequestContextV2Authorizer, self._section("authorizer"))


class APIGatewayProxyEventV2(BaseProxyEvent):
    """API Gateway HTTP API payload 2.0 event (Function URLs use the same shape)."""

    __slots__ = ()

    @property
    def version(self) -> str:
        return self._data.get("version", "2.0")

    @property
    def route_key(self) -> str:
        return self._data.get("routeKey", "")

    @property
    def raw_path(self) -> str:
        return self._require("rawPath")

    @property
    def raw_query_string(self) -> str:
        return self._data.get("rawQueryString", "")

    @property
    def cookies(self) -> list[str]:
        value = self._data.get("cookies")
        if type(value) is list or not value:
            return value or []
        raise self._wrong_type("cookies", "a list of strings", value)

    @property
    def resolved_cookies_field(self) -> dict[str, str]:
        # Payload 2.0 moves cookies out of the headers into their own list.
        return parse_cookie_header("; ".join(self._texts("cookies", self.cookies)))

    @property
    def request_context(self) -> RequestContextV2:
        return wrap_section(RequestContextV2, self._require("requestContext"))

    @property
    def path_parameters(self) -> dict[str, str]:
        return self._data.get("pathParameters") or {}

    @property
    def stage_variables(self) -> dict[str, str]:
        return self._data.get("stageVariables") or {}

    @property
    def path(self) -> str:
        """``rawPath`` without the stage prefix a named stage adds."""
        raw_path = self._text("rawPath", self.raw_path)
        stage = self._section("requestContext").get("stage")
        if stage and stage != "$default" and raw_path.startswith(f"/{stage}"):
            return raw_path[len(stage) + 1 :] or "/"
        return raw_path

    @property
    def http_method(self) -> str:
        http = self._section("requestContext").get("http")
        method = http.get("method") if isinstance(http, dict) else None
        if not method:
            raise InvalidEventError(
                f"{type(self).__name__} requires requestContext.http.method, which the event does not have",
                field="requestContext.http.method",
            )
        return method

    @property
    def resolved_headers_field(self) -> dict[str, Any]:
        # Payload 2.0 joins repeated headers with commas; split them back into lists.
        return self._cached(
            "resolved_headers",
            lambda: CaseInsensitiveDict(
                (name, value.split(",") if isinstance(value, str) and "," in value else value)
                for name, value in self.headers.items()
            ),
        )

    def header_serializer(self) -> BaseHeadersSerializer:
        return HTTP_API_HEADERS
