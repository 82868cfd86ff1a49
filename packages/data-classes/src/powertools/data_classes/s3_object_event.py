"""Amazon S3 Object Lambda event."""

from __future__ import annotations

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.events.proxy import CaseInsensitiveDict
from powertools.data_classes._fields import Field, Section, mapping

__all__ = [
    "S3ObjectConfiguration",
    "S3ObjectContext",
    "S3ObjectLambdaEvent",
    "S3ObjectSessionAttributes",
    "S3ObjectSessionContext",
    "S3ObjectSessionIssuer",
    "S3ObjectUserIdentity",
    "S3ObjectUserRequest",
]


class S3ObjectContext(DictWrapper):
    """``getObjectContext``: where to read the original and how to answer."""

    input_s3_url = Field[str]("inputS3Url", "Pre-signed URL of the original object.")
    output_route = Field[str]("outputRoute", "Pass to ``WriteGetObjectResponse`` as RequestRoute.")
    output_token = Field[str]("outputToken", "Pass to ``WriteGetObjectResponse`` as RequestToken.")


class S3ObjectConfiguration(DictWrapper):
    access_point_arn = Field[str]("accessPointArn")
    supporting_access_point_arn = Field[str]("supportingAccessPointArn")
    payload = Field[str]("payload", "The access point's custom configuration string.")


class S3ObjectUserRequest(DictWrapper):
    url = Field[str]("url")

    @property
    def headers(self) -> CaseInsensitiveDict:
        return CaseInsensitiveDict(mapping(self._data.get("headers") or {}, "userRequest.headers"))


class S3ObjectSessionIssuer(DictWrapper):
    get_type = Field[str]("type")
    user_name = Field[str]("userName")
    principal_id = Field[str]("principalId")
    arn = Field[str]("arn")
    account_id = Field[str]("accountId")


class S3ObjectSessionAttributes(DictWrapper):
    creation_date = Field[str]("creationDate")
    mfa_authenticated = Field[str]("mfaAuthenticated", "``true`` or ``false``, as a string.")


class S3ObjectSessionContext(DictWrapper):
    session_issuer = Section(S3ObjectSessionIssuer, "sessionIssuer")
    attributes = Section(S3ObjectSessionAttributes, "attributes")


class S3ObjectUserIdentity(DictWrapper):
    get_type = Field[str]("type", "IAMUser, AssumedRole, Root, ...")
    account_id = Field[str]("accountId")
    access_key_id = Field[str]("accessKeyId")
    user_name = Field[str]("userName")
    principal_id = Field[str]("principalId")
    arn = Field[str]("arn")
    session_context = Section(S3ObjectSessionContext, "sessionContext", optional=True)


class S3ObjectLambdaEvent(DictWrapper):
    """A GetObject (or HeadObject/ListObjects) through an Object Lambda access point."""

    request_id = Field[str]("xAmzRequestId")
    object_context = Section(S3ObjectContext, "getObjectContext")
    configuration = Section(S3ObjectConfiguration, "configuration")
    user_request = Section(S3ObjectUserRequest, "userRequest")
    user_identity = Section(S3ObjectUserIdentity, "userIdentity")
    protocol_version = Field[str]("protocolVersion")

    @property
    def request_route(self) -> str | None:
        return self.object_context.output_route

    @property
    def request_token(self) -> str | None:
        return self.object_context.output_token

    @property
    def input_s3_url(self) -> str | None:
        return self.object_context.input_s3_url
