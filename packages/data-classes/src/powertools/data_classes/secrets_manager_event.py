"""AWS Secrets Manager rotation function event."""

from __future__ import annotations

from typing import Literal

from powertools.common.dict_wrapper import DictWrapper
from powertools.data_classes._fields import Field

__all__ = ["SecretsManagerEvent"]


class SecretsManagerEvent(DictWrapper):
    """One step of a secret rotation (createSecret, setSecret, testSecret, finishSecret)."""

    secret_id = Field[str]("SecretId", "ARN or name of the secret being rotated.")
    client_request_token = Field[str]("ClientRequestToken", "The new version's token (its version id).")
    version_id = Field[str]("ClientRequestToken", "Alias of ``client_request_token``: it is the new version id.")
    step = Field[Literal["createSecret", "setSecret", "testSecret", "finishSecret"]]("Step")
    rotation_token = Field[str]("RotationToken", "Token for rotations using a cross-account role.")
