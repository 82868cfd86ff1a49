"""AWS AppSync direct Lambda resolver events (single and batch)."""

from typing import Any, Union

from pydantic import BaseModel


class AppSyncIamIdentity(BaseModel):
    accountId: str
    cognitoIdentityPoolId: str | None = None
    cognitoIdentityId: str | None = None
    sourceIp: list[str]
    username: str
    userArn: str
    cognitoIdentityAuthType: str | None = None
    cognitoIdentityAuthProvider: str | None = None


class AppSyncCognitoIdentity(BaseModel):
    sub: str
    issuer: str
    username: str
    claims: dict[str, Any]
    sourceIp: list[str]
    defaultAuthStrategy: str
    groups: list[str] | None = None


class AppSyncOidcIdentity(BaseModel):
    claims: dict[str, Any]
    issuer: str
    sub: str


class AppSyncLambdaIdentity(BaseModel):
    resolverContext: dict[str, Any]


AppSyncIdentity = Union[AppSyncIamIdentity, AppSyncCognitoIdentity, AppSyncOidcIdentity, AppSyncLambdaIdentity]


class AppSyncRequestModel(BaseModel):
    domainName: str | None = None
    headers: dict[str, str]


class AppSyncInfoModel(BaseModel):
    selectionSetList: list[str]
    selectionSetGraphQL: str
    parentTypeName: str
    fieldName: str
    variables: dict[str, Any]


class AppSyncPrevModel(BaseModel):
    result: dict[str, Any]


class AppSyncResolverEventModel(BaseModel):
    arguments: dict[str, Any]
    identity: AppSyncIdentity | None = None
    source: dict[str, Any] | None = None
    request: AppSyncRequestModel
    info: AppSyncInfoModel
    prev: AppSyncPrevModel | None = None
    stash: dict[str, Any]


AppSyncBatchResolverEventModel = list[AppSyncResolverEventModel]
