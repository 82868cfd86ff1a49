"""Environment that points every boto3 client at local services, never at AWS."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_SECURITY_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_REGION": "us-east-1",
}

# Settings that could bring in a developer's real profile, credentials or endpoints.
_CLEARED = (
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_ROLE_ARN",
)


def apply_fake_aws_env(mp: pytest.MonkeyPatch, workdir: Path) -> None:
    """Fake credentials and region, no shared config files, no proxy for 127.0.0.1."""
    for name, value in FAKE_CREDENTIALS.items():
        mp.setenv(name, value)
    for name in _CLEARED:
        mp.delenv(name, raising=False)
    # ~/.aws/config may set endpoint_url or credential_process; point both files at nothing.
    missing = str(workdir / "no-aws-config")
    mp.setenv("AWS_CONFIG_FILE", missing)
    mp.setenv("AWS_SHARED_CREDENTIALS_FILE", missing)
    # The instance metadata service is never there locally; don't wait for it.
    mp.setenv("AWS_EC2_METADATA_DISABLED", "true")
    for name in ("NO_PROXY", "no_proxy"):
        current = os.environ.get(name, "")
        if "127.0.0.1" not in current.split(","):
            mp.setenv(name, ",".join(filter(None, [current, "127.0.0.1", "localhost"])))
    _forget_boto3_default_session(mp)


def _forget_boto3_default_session(mp: pytest.MonkeyPatch) -> None:
    """boto3's default session caches credentials; a fresh one sees the fake ones."""
    boto3 = sys.modules.get("boto3")
    if boto3 is not None:
        mp.setattr(boto3, "DEFAULT_SESSION", None)
