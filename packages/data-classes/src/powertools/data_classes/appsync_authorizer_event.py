"""AWS AppSync Lambda authorizer event and response."""

from __future__ import annotations

from typing import Any

from powertools.common.dict_wrapper import DictWrapper
from powertools.data_classes._fields import Field, Section

__all__ = ["AppSyncAuthorizerEvent", "AppSyncAuthorizerEventRequestContext", "AppSyncAuthorizerResponse"]


class AppSyncAuthorizerEventRequestContext(DictWrapper):
    api_id = Field[str]("apiId")
    account_id = Field[str]("accountId")
    request_id = Field[str]("requestId")
    query_string = Field[str]("queryString", "The GraphQL document.")
    operation_name = Field[str]("operationName")
    variables = Field[dict[str, Any]]("variables")


class AppSyncAuthorizerEvent(DictWrapper):
    """A GraphQL request AppSync asks the function to authorize."""

    authorization_token = Field[str]("authorizationToken")
    request_context = Section(AppSyncAuthorizerEventRequestContext, "requestContext")


class AppSyncAuthorizerResponse:
    """The authorizer's answer.

    ``max_age`` caches the decision (seconds), ``resolver_context`` reaches resolvers as
    ``$ctx.identity.resolverContext``, and ``deny_fields`` lists fields (``Type.field`` or
    full ARNs) to resolve as unauthorized.
    """

    def __init__(
        self,
        authorize: bool = False,
        max_age: int | None = None,
        resolver_context: dict[str, Any] | None = None,
        deny_fields: list[str] | None = None,
    ) -> None:
        self.authorize = authorize
        self.max_age = max_age
        self.resolver_context = resolver_context
        self.deny_fields = deny_fields

    def asdict(self) -> dict[str, Any]:
        response: dict[str, Any] = {"isAuthorized": self.authorize}
        if self.max_age is not None:
            response["ttlOverride"] = self.max_age
        if self.deny_fields:
            response["deniedFields"] = self.deny_fields
        if self.resolver_context:
            response["resolverContext"] = self.resolver_context
        return response
