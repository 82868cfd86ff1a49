"""AWS AppSync direct Lambda resolver event (the GraphQL handler and data classes read it)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from powertools.common.dict_wrapper import DictWrapper, get_header_value
from powertools.common.events.proxy import CaseInsensitiveDict

__all__ = [
    "AppSyncEventBase",
    "AppSyncIdentityCognito",
    "AppSyncIdentityIAM",
    "AppSyncResolverEvent",
    "AppSyncResolverEventInfo",
    "get_identity_object",
]


def get_identity_object(identity: Mapping[str, Any] | None) -> Any:
    """The caller identity in the shape its authorization mode gives.

    API key and Lambda authorization send no identity (None); Cognito user pools send
    a ``sub``; IAM sends everything else.
    """
    if not isinstance(identity, Mapping):
        return None
    if "sub" in identity:
        return AppSyncIdentityCognito(identity)
    return AppSyncIdentityIAM(identity)


class AppSyncIdentityIAM(DictWrapper):
    """Identity of an AWS_IAM-authorized caller."""

    @property
    def source_ip(self) -> list[str] | None:
        return self._data.get("sourceIp")

    @property
    def username(self) -> str | None:
        return self._data.get("username")

    @property
    def account_id(self) -> str | None:
        return self._data.get("accountId")

    @property
    def cognito_identity_pool_id(self) -> str | None:
        return self._data.get("cognitoIdentityPoolId")

    @property
    def cognito_identity_id(self) -> str | None:
        return self._data.get("cognitoIdentityId")

    @property
    def user_arn(self) -> str | None:
        return self._data.get("userArn")

    @property
    def cognito_identity_auth_type(self) -> str | None:
        return self._data.get("cognitoIdentityAuthType")

    @property
    def cognito_identity_auth_provider(self) -> str | None:
        return self._data.get("cognitoIdentityAuthProvider")


class AppSyncIdentityCognito(DictWrapper):
    """Identity of a caller signed in through a Cognito user pool."""

    @property
    def source_ip(self) -> list[str] | None:
        return self._data.get("sourceIp")

    @property
    def username(self) -> str | None:
        return self._data.get("username")

    @property
    def sub(self) -> str | None:
        return self._data.get("sub")

    @property
    def claims(self) -> dict[str, Any]:
        return dict(self._section("claims"))

    @property
    def default_auth_strategy(self) -> str | None:
        return self._data.get("defaultAuthStrategy")

    @property
    def groups(self) -> list[str] | None:
        return self._data.get("groups")

    @property
    def issuer(self) -> str | None:
        return self._data.get("issuer")


class AppSyncResolverEventInfo(DictWrapper):
    """The GraphQL request being resolved."""

    @property
    def field_name(self) -> str | None:
        return self._data.get("fieldName")

    @property
    def parent_type_name(self) -> str | None:
        return self._data.get("parentTypeName")

    @property
    def variables(self) -> dict[str, Any]:
        return dict(self._section("variables"))

    @property
    def selection_set_list(self) -> list[str]:
        return self._data.get("selectionSetList") or []

    @property
    def selection_set_graphql(self) -> str | None:
        return self._data.get("selectionSetGraphQL")


class AppSyncEventBase(DictWrapper):
    """What AppSync resolver and AppSync Events handler events have in common."""

    @property
    def request_headers(self) -> CaseInsensitiveDict:
        return CaseInsensitiveDict(_mapping(self._section("request").get("headers")))

    @property
    def domain_name(self) -> str | None:
        return self._section("request").get("domainName")

    @property
    def prev_result(self) -> Any:
        """The previous pipeline function's result, if any."""
        return _mapping(self._data.get("prev")).get("result")

    @property
    def stash(self) -> dict[str, Any]:
        return dict(self._section("stash"))

    @property
    def identity(self) -> Any:
        """``AppSyncIdentityCognito``, ``AppSyncIdentityIAM`` or None (API key / Lambda auth)."""
        return get_identity_object(self._data.get("identity"))


class AppSyncResolverEvent(AppSyncEventBase):
    """One field resolution (``Invoke``); a batch resolver receives a list of these."""

    @property
    def info(self) -> AppSyncResolverEventInfo:
        info = self._data.get("info")
        if isinstance(info, Mapping):
            return AppSyncResolverEventInfo(info)
        # Amplify's @function directive sends typeName/fieldName at the top level.
        return AppSyncResolverEventInfo(
            {"fieldName": self._data.get("fieldName"), "parentTypeName": self._data.get("typeName")}
        )

    @property
    def type_name(self) -> str | None:
        return self.info.parent_type_name

    @property
    def field_name(self) -> str | None:
        return self.info.field_name

    @property
    def arguments(self) -> dict[str, Any]:
        return dict(self._section("arguments"))

    @property
    def source(self) -> dict[str, Any]:
        """The parent object's resolved value (empty at the query root)."""
        return dict(self._section("source"))

    def get_header_value(self, name: str, default_value: str | None = None, case_sensitive: bool = False) -> str | None:
        return get_header_value(_mapping(self._section("request").get("headers")), name, default_value, case_sensitive)


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}
