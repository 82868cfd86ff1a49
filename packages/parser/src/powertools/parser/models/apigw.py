"""API Gateway REST API (payload 1.0) proxy events and Lambda authorizer (TOKEN/REQUEST) events."""

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, IPvAnyNetwork, field_validator, model_validator

from powertools.parser.models._decoders import source_ip

HttpMethod = Literal["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]


class ApiGatewayUserCertValidity(BaseModel):
    notBefore: str
    notAfter: str


class ApiGatewayUserCert(BaseModel):
    clientCertPem: str
    subjectDN: str
    issuerDN: str
    serialNumber: str
    validity: ApiGatewayUserCertValidity


class APIGatewayEventIdentity(BaseModel):
    accessKey: str | None = None
    accountId: str | None = None
    apiKey: str | None = None
    apiKeyId: str | None = None
    caller: str | None = None
    cognitoAuthenticationProvider: str | None = None
    cognitoAuthenticationType: str | None = None
    cognitoIdentityId: str | None = None
    cognitoIdentityPoolId: str | None = None
    principalOrgId: str | None = None
    # As upstream: a bare IP becomes a one-address network (IPv4Network('203.0.113.42/32')); text
    # with a port ("1.2.3.4:5678") or API Gateway's test-invoke marker stays a str.
    sourceIp: IPvAnyNetwork | str
    user: str | None = None
    userAgent: str | None = None
    userArn: str | None = None
    clientCert: ApiGatewayUserCert | None = None

    @field_validator("sourceIp", mode="before")
    @classmethod
    def _check_source_ip(cls, value: Any) -> Any:
        return source_ip(value)


class APIGatewayEventAuthorizer(BaseModel):
    claims: dict[str, Any] | None = None
    scopes: list[str] | None = None


class APIGatewayEventRequestContext(BaseModel):
    accountId: str
    apiId: str
    authorizer: APIGatewayEventAuthorizer | None = None
    stage: str
    protocol: str
    identity: APIGatewayEventIdentity
    requestId: str
    requestTime: str
    requestTimeEpoch: datetime
    resourceId: str | None = None
    resourcePath: str
    domainName: str | None = None
    domainPrefix: str | None = None
    extendedRequestId: str | None = None
    httpMethod: HttpMethod
    path: str
    connectedAt: datetime | None = None
    connectionId: str | None = None
    eventType: Literal["CONNECT", "MESSAGE", "DISCONNECT"] | None = None
    messageDirection: str | None = None
    messageId: str | None = None
    routeKey: str | None = None
    operationName: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _message_id_only_for_messages(cls, values: Any) -> Any:
        if isinstance(values, dict) and values.get("messageId") is not None and values.get("eventType") != "MESSAGE":
            raise ValueError("messageId is available only when the `eventType` is `MESSAGE`")
        return values


class APIGatewayProxyEventModel(BaseModel):
    version: str | None = None
    resource: str
    path: str
    httpMethod: HttpMethod
    headers: dict[str, str]
    multiValueHeaders: dict[str, list[str]]
    queryStringParameters: dict[str, str] | None = None
    multiValueQueryStringParameters: dict[str, list[str]] | None = None
    requestContext: APIGatewayEventRequestContext
    pathParameters: dict[str, str] | None = None
    stageVariables: dict[str, str] | None = None
    isBase64Encoded: bool | None = None
    body: str | type[BaseModel] | None = None


class ApiGatewayAuthorizerToken(BaseModel):
    type: Literal["TOKEN"]
    methodArn: str
    authorizationToken: str


class ApiGatewayAuthorizerRequest(APIGatewayProxyEventModel):
    type: Literal["REQUEST"]
    methodArn: str
