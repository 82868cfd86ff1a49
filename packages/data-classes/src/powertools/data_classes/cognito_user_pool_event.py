"""Amazon Cognito user pool Lambda triggers, with setters for each trigger's response.

Setting a response property writes into the raw event; return ``event.raw_event``.
"""

from __future__ import annotations

from typing import Any

from powertools.common.dict_wrapper import DictWrapper
from powertools.data_classes._fields import (
    Field,
    ListOf,
    ResponseSection,
    Section,
    Settable,
    SettableFlag,
    SettableOr,
    SettableResponseSection,
    SettableSection,
    mapping,
    writable,
)

__all__ = [
    "BaseTriggerEvent",
    "CallerContext",
    "ChallengeResult",
    "ClaimsAndScopeOverrideDetails",
    "ClaimsOverrideBase",
    "ClaimsOverrideDetails",
    "CreateAuthChallengeTriggerEvent",
    "CreateAuthChallengeTriggerEventRequest",
    "CreateAuthChallengeTriggerEventResponse",
    "CustomEmailSenderTriggerEvent",
    "CustomEmailSenderTriggerEventRequest",
    "CustomMessageTriggerEvent",
    "CustomMessageTriggerEventRequest",
    "CustomMessageTriggerEventResponse",
    "CustomSMSSenderTriggerEvent",
    "CustomSMSSenderTriggerEventRequest",
    "DefineAuthChallengeTriggerEvent",
    "DefineAuthChallengeTriggerEventRequest",
    "DefineAuthChallengeTriggerEventResponse",
    "GroupConfigurationBase",
    "GroupOverrideDetails",
    "PostAuthenticationTriggerEvent",
    "PostAuthenticationTriggerEventRequest",
    "PostConfirmationTriggerEvent",
    "PostConfirmationTriggerEventRequest",
    "PreAuthenticationTriggerEvent",
    "PreAuthenticationTriggerEventRequest",
    "PreSignUpTriggerEvent",
    "PreSignUpTriggerEventRequest",
    "PreSignUpTriggerEventResponse",
    "PreTokenGenerationTriggerEvent",
    "PreTokenGenerationTriggerEventRequest",
    "PreTokenGenerationTriggerEventResponse",
    "PreTokenGenerationTriggerV2EventRequest",
    "PreTokenGenerationTriggerV2EventResponse",
    "PreTokenGenerationV2TriggerEvent",
    "TokenClaimsAndScopeOverrideDetails",
    "UserMigrationTriggerEvent",
    "UserMigrationTriggerEventRequest",
    "UserMigrationTriggerEventResponse",
    "VerifyAuthChallengeResponseTriggerEvent",
    "VerifyAuthChallengeResponseTriggerEventRequest",
    "VerifyAuthChallengeResponseTriggerEventResponse",
]


def _dict(obj: DictWrapper, key: str) -> dict[str, Any]:
    """A string map the event may omit or send as null: an empty dict then."""
    return dict(mapping(obj._data.get(key) or {}, key))


class _UserAttributes(DictWrapper):
    @property
    def user_attributes(self) -> dict[str, str]:
        """The user's attributes (``sub``, ``email``, ``custom:...``), values as strings."""
        return _dict(self, "userAttributes")

    @property
    def client_metadata(self) -> dict[str, str]:
        """``ClientMetadata`` the app passed to the API call that fired the trigger."""
        return _dict(self, "clientMetadata")


class CallerContext(DictWrapper):
    aws_sdk_version = Field[str]("awsSdkVersion")
    client_id = Field[str]("clientId", "The app client id.")


class BaseTriggerEvent(DictWrapper):
    """What every Cognito trigger carries."""

    version = Field[str]("version")
    region = Field[str]("region")
    user_pool_id = Field[str]("userPoolId")
    trigger_source = Field[str]("triggerSource", "For example ``PreSignUp_SignUp``.")
    user_name = Field[str]("userName")
    caller_context = Section(CallerContext, "callerContext")


# --- pre sign-up ---------------------------------------------------------------------------


class PreSignUpTriggerEventRequest(_UserAttributes):
    @property
    def validation_data(self) -> dict[str, str]:
        return _dict(self, "validationData")


class PreSignUpTriggerEventResponse(DictWrapper):
    auto_confirm_user = SettableFlag("autoConfirmUser")
    auto_verify_email = SettableFlag("autoVerifyEmail")
    auto_verify_phone = SettableFlag("autoVerifyPhone")


class PreSignUpTriggerEvent(BaseTriggerEvent):
    """Before a user signs up: confirm or verify them automatically, or raise to refuse."""

    request = Section(PreSignUpTriggerEventRequest, "request")
    response = ResponseSection(PreSignUpTriggerEventResponse, "response")


# --- post confirmation ---------------------------------------------------------------------


class PostConfirmationTriggerEventRequest(_UserAttributes):
    pass


class PostConfirmationTriggerEvent(BaseTriggerEvent):
    request = Section(PostConfirmationTriggerEventRequest, "request")


# --- user migration ------------------------------------------------------------------------


class UserMigrationTriggerEventRequest(DictWrapper):
    _sensitive_properties = ("password",)  # hidden from str(); repr() never shows the event

    password = Field[str]("password", "The password the user typed (sign-in migrations). Never log it.")

    @property
    def validation_data(self) -> dict[str, str]:
        return _dict(self, "validationData")

    @property
    def client_metadata(self) -> dict[str, str]:
        return _dict(self, "clientMetadata")


class UserMigrationTriggerEventResponse(DictWrapper):
    user_attributes = Settable[dict[str, str]]("userAttributes")
    final_user_status = Settable[str]("finalUserStatus", "``CONFIRMED`` or ``RESET_REQUIRED``.")
    message_action = Settable[str]("messageAction", "``SUPPRESS`` to skip the welcome message.")
    desired_delivery_mediums = SettableOr[list[str]]("desiredDeliveryMediums", list, "``EMAIL`` and/or ``SMS``.")
    force_alias_creation = Settable[bool]("forceAliasCreation")
    enable_sms_mfa = Settable[bool]("enableSMSMFA")


class UserMigrationTriggerEvent(BaseTriggerEvent):
    """A user unknown to the pool signs in or resets a password: migrate them."""

    request = Section(UserMigrationTriggerEventRequest, "request")
    response = ResponseSection(UserMigrationTriggerEventResponse, "response")


# --- custom message ------------------------------------------------------------------------


class CustomMessageTriggerEventRequest(_UserAttributes):
    code_parameter = Field[str]("codeParameter", "Placeholder for the code (``{####}``): put it in the message.")
    link_parameter = Field[str]("linkParameter")
    username_parameter = Field[str]("usernameParameter")


class CustomMessageTriggerEventResponse(DictWrapper):
    sms_message = Settable[str]("smsMessage")
    email_message = Settable[str]("emailMessage")
    email_subject = Settable[str]("emailSubject")


class CustomMessageTriggerEvent(BaseTriggerEvent):
    """Customize verification, invitation and MFA messages."""

    request = Section(CustomMessageTriggerEventRequest, "request")
    response = ResponseSection(CustomMessageTriggerEventResponse, "response")


# --- authentication ------------------------------------------------------------------------


class PreAuthenticationTriggerEventRequest(DictWrapper):
    user_not_found = Field[bool]("userNotFound")

    @property
    def user_attributes(self) -> dict[str, str]:
        return _dict(self, "userAttributes")

    @property
    def validation_data(self) -> dict[str, str]:
        return _dict(self, "validationData")


class PreAuthenticationTriggerEvent(BaseTriggerEvent):
    request = Section(PreAuthenticationTriggerEventRequest, "request")


class PostAuthenticationTriggerEventRequest(_UserAttributes):
    new_device_used = Field[bool]("newDeviceUsed")


class PostAuthenticationTriggerEvent(BaseTriggerEvent):
    request = Section(PostAuthenticationTriggerEventRequest, "request")


# --- pre token generation ------------------------------------------------------------------


class GroupOverrideDetails(DictWrapper):
    @property
    def groups_to_override(self) -> list[str]:
        return self._data.get("groupsToOverride") or []

    @property
    def iam_roles_to_override(self) -> list[str]:
        return self._data.get("iamRolesToOverride") or []

    preferred_role = Field[str]("preferredRole")


class PreTokenGenerationTriggerEventRequest(_UserAttributes):
    group_configuration = Section(GroupOverrideDetails, "groupConfiguration")


class PreTokenGenerationTriggerV2EventRequest(PreTokenGenerationTriggerEventRequest):
    @property
    def scopes(self) -> list[str]:
        return self._data.get("scopes") or []


class ClaimsOverrideBase(DictWrapper):
    claims_to_add_or_override = SettableOr[dict[str, Any]]("claimsToAddOrOverride", dict)
    claims_to_suppress = SettableOr[list[str]]("claimsToSuppress", list)


class GroupConfigurationBase(DictWrapper):
    group_configuration = SettableSection(GroupOverrideDetails, "groupOverrideDetails", optional=True)

    def _group_override(self) -> dict[str, Any]:
        return writable(self).setdefault("groupOverrideDetails", {})

    def set_group_configuration_groups_to_override(self, value: list[str]) -> None:
        self._group_override()["groupsToOverride"] = value

    def set_group_configuration_iam_roles_to_override(self, value: list[str]) -> None:
        self._group_override()["iamRolesToOverride"] = value

    def set_group_configuration_preferred_role(self, value: str) -> None:
        self._group_override()["preferredRole"] = value


class ClaimsOverrideDetails(ClaimsOverrideBase, GroupConfigurationBase):
    """V1 response: claims of the ID token and the groups in it."""


class TokenClaimsAndScopeOverrideDetails(ClaimsOverrideBase):
    scopes_to_add = SettableOr[list[str]]("scopesToAdd", list)
    scopes_to_suppress = SettableOr[list[str]]("scopesToSuppress", list)


class ClaimsAndScopeOverrideDetails(GroupConfigurationBase):
    """V2 response: claims and scopes of the ID and access tokens."""

    id_token_generation = SettableResponseSection(TokenClaimsAndScopeOverrideDetails, "idTokenGeneration")
    access_token_generation = SettableResponseSection(TokenClaimsAndScopeOverrideDetails, "accessTokenGeneration")


class PreTokenGenerationTriggerEventResponse(DictWrapper):
    claims_override_details = ResponseSection(ClaimsOverrideDetails, "claimsOverrideDetails")


class PreTokenGenerationTriggerV2EventResponse(DictWrapper):
    claims_scope_override_details = ResponseSection(ClaimsAndScopeOverrideDetails, "claimsAndScopeOverrideDetails")


class PreTokenGenerationTriggerEvent(BaseTriggerEvent):
    """Customize ID token claims (trigger version 1)."""

    request = Section(PreTokenGenerationTriggerEventRequest, "request")
    response = ResponseSection(PreTokenGenerationTriggerEventResponse, "response")


class PreTokenGenerationV2TriggerEvent(BaseTriggerEvent):
    """Customize ID and access token claims and scopes (trigger version 2 and 3)."""

    request = Section(PreTokenGenerationTriggerV2EventRequest, "request")
    response = ResponseSection(PreTokenGenerationTriggerV2EventResponse, "response")


# --- custom authentication challenges ------------------------------------------------------


class ChallengeResult(DictWrapper):
    challenge_name = Field[str]("challengeName")
    challenge_metadata = Field[str]("challengeMetadata")

    @property
    def challenge_result(self) -> bool:
        return bool(self._data.get("challengeResult"))


class DefineAuthChallengeTriggerEventRequest(_UserAttributes):
    user_not_found = Field[bool]("userNotFound")
    session = ListOf(ChallengeResult, "session", doc="The challenges so far and how each went.")


class DefineAuthChallengeTriggerEventResponse(DictWrapper):
    challenge_name = Settable[str]("challengeName")
    fail_authentication = SettableFlag("failAuthentication")
    issue_tokens = SettableFlag("issueTokens")


class DefineAuthChallengeTriggerEvent(BaseTriggerEvent):
    """Decide the next challenge, or issue tokens, or fail the sign-in."""

    request = Section(DefineAuthChallengeTriggerEventRequest, "request")
    response = ResponseSection(DefineAuthChallengeTriggerEventResponse, "response")


class CreateAuthChallengeTriggerEventRequest(_UserAttributes):
    user_not_found = Field[bool]("userNotFound")
    challenge_name = Field[str]("challengeName")
    session = ListOf(ChallengeResult, "session")


class CreateAuthChallengeTriggerEventResponse(DictWrapper):
    public_challenge_parameters = Settable[dict[str, str]]("publicChallengeParameters", "Sent to the client.")
    private_challenge_parameters = Settable[dict[str, str]]("privateChallengeParameters", "Kept for verification.")
    challenge_metadata = Settable[str]("challengeMetadata")


class CreateAuthChallengeTriggerEvent(BaseTriggerEvent):
    """Create the custom challenge DefineAuthChallenge asked for."""

    request = Section(CreateAuthChallengeTriggerEventRequest, "request")
    response = ResponseSection(CreateAuthChallengeTriggerEventResponse, "response")


class VerifyAuthChallengeResponseTriggerEventRequest(_UserAttributes):
    challenge_answer = Field[Any]("challengeAnswer")
    user_not_found = Field[bool]("userNotFound")

    @property
    def private_challenge_parameters(self) -> dict[str, str]:
        return _dict(self, "privateChallengeParameters")


class VerifyAuthChallengeResponseTriggerEventResponse(DictWrapper):
    answer_correct = SettableFlag("answerCorrect")


class VerifyAuthChallengeResponseTriggerEvent(BaseTriggerEvent):
    """Check the user's answer to the custom challenge."""

    request = Section(VerifyAuthChallengeResponseTriggerEventRequest, "request")
    response = ResponseSection(VerifyAuthChallengeResponseTriggerEventResponse, "response")


# --- custom senders ------------------------------------------------------------------------


class CustomEmailSenderTriggerEventRequest(_UserAttributes):
    type = Field[str]("type")  # upstream's name
    code = Field[str]("code", "The code, encrypted with the pool's KMS key (base64).")


class CustomEmailSenderTriggerEvent(BaseTriggerEvent):
    """Send Cognito's emails through your own provider."""

    request = Section(CustomEmailSenderTriggerEventRequest, "request")


class CustomSMSSenderTriggerEventRequest(_UserAttributes):
    type = Field[str]("type")  # upstream's name
    code = Field[str]("code", "The code, encrypted with the pool's KMS key (base64).")


class CustomSMSSenderTriggerEvent(BaseTriggerEvent):
    """Send Cognito's text messages through your own provider."""

    request = Section(CustomSMSSenderTriggerEventRequest, "request")
