"""AWS Transfer Family custom identity provider (Lambda authorizer)."""

from __future__ import annotations

import json
from typing import Any, Literal

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.exceptions import PowertoolsError
from powertools.data_classes._fields import Field

__all__ = ["TransferFamilyAuthorizer", "TransferFamilyAuthorizerResponse", "TransferFamilyResponseError"]


class TransferFamilyAuthorizer(DictWrapper):
    """A login attempt to a Transfer Family server."""

    _sensitive_properties = ("password",)  # hidden from str(); repr() never shows the event

    username = Field[str]("username")
    password = Field[str]("password", "Empty or absent for public-key logins. Never log it.")
    protocol = Field[str]("protocol", "SFTP, FTP or FTPS.")
    server_id = Field[str]("serverId")
    source_ip = Field[str]("sourceIp")


class TransferFamilyResponseError(PowertoolsError, ValueError):
    """The response arguments don't describe a valid home directory."""


class TransferFamilyAuthorizerResponse:
    """Builds the response that grants a user access to S3 or EFS.

    Keys come in upstream's order: home directory, POSIX profile, policy, public keys,
    role, home directory type.
    """

    @staticmethod
    def _build(
        role_arn: str,
        policy: str | None,
        home_directory: str | None,
        home_directory_details: list[dict[str, Any]] | None,
        home_directory_type: Literal["LOGICAL", "PATH"],
        posix_profile: dict[str, int] | None,
        public_keys: str | list[str] | None,
    ) -> dict[str, Any]:
        response: dict[str, Any] = {}
        if home_directory_type == "PATH":
            if not home_directory:
                raise TransferFamilyResponseError("home_directory must be set when home_directory_type is PATH")
            response["HomeDirectory"] = home_directory
        elif home_directory_type == "LOGICAL":
            if not home_directory_details:
                raise TransferFamilyResponseError(
                    "home_directory_details must be set when home_directory_type is LOGICAL"
                )
            # Transfer Family expects the mappings as a JSON string, not a list.
            response["HomeDirectoryDetails"] = json.dumps(home_directory_details)
        else:
            raise TransferFamilyResponseError(
                f"home_directory_type must be PATH or LOGICAL, got {home_directory_type!r}"
            )
        if posix_profile is not None:
            response["PosixProfile"] = posix_profile
        if policy:
            response["Policy"] = policy
        if public_keys:
            response["PublicKeys"] = public_keys
        response["Role"] = role_arn
        response["HomeDirectoryType"] = home_directory_type
        return response

    def build_authentication_response_efs(
        self,
        role_arn: str,
        user_gid: int,
        user_uid: int,
        policy: str | None = None,
        home_directory: str | None = None,
        home_directory_details: list[dict[str, Any]] | None = None,
        home_directory_type: Literal["LOGICAL", "PATH"] = "PATH",
        public_keys: str | list[str] | None = None,
    ) -> dict[str, Any]:
        """Access to an EFS file system as POSIX user ``user_uid``/``user_gid``."""
        posix = {"Gid": user_gid, "Uid": user_uid}
        return self._build(
            role_arn, policy, home_directory, home_directory_details, home_directory_type, posix, public_keys
        )

    def build_authentication_response_s3(
        self,
        role_arn: str,
        policy: str | None = None,
        home_directory: str | None = None,
        home_directory_details: list[dict[str, Any]] | None = None,
        home_directory_type: Literal["LOGICAL", "PATH"] = "PATH",
        public_keys: str | list[str] | None = None,
    ) -> dict[str, Any]:
        """Access to S3 through ``role_arn``."""
        return self._build(
            role_arn, policy, home_directory, home_directory_details, home_directory_type, None, public_keys
        )
