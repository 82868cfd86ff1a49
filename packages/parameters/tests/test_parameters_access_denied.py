"""Access denied, produced for real: a second moto server that enforces IAM policies.

moto checks IAM when started with ``INITIAL_NO_AUTH_ACTION_COUNT``: the first N requests
are let through (they create a user, its key and its policy), every later one is
authorised against the user's policy. The user here may only call ``ssm:GetParameter``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from powertools.parameters import GetParameterError, SecretsProvider, SSMProvider
from powertools_testing.moto_service import MotoServer
from powertools_testing.process import ManagedProcess

SETUP_REQUESTS = 3  # CreateUser, CreateAccessKey, PutUserPolicy


class IamEnforcingMoto(MotoServer):
    def _make_process(self) -> ManagedProcess:
        process = super()._make_process()
        process.env["INITIAL_NO_AUTH_ACTION_COUNT"] = str(SETUP_REQUESTS)
        return process


@pytest.fixture(scope="module")
def restricted_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[boto3.session.Session]:
    server = IamEnforcingMoto(Path(tmp_path_factory.mktemp("moto-iam")))
    server.start()
    try:
        admin = boto3.session.Session(aws_access_key_id="setup", aws_secret_access_key="setup", region_name="us-east-1")
        iam = admin.client("iam", endpoint_url=server.endpoint_url)
        iam.create_user(UserName="reader")
        key = iam.create_access_key(UserName="reader")["AccessKey"]
        policy = {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "*"}],
        }
        iam.put_user_policy(UserName="reader", PolicyName="read-one", PolicyDocument=json.dumps(policy))
        session = boto3.session.Session(
            aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"], region_name="us-east-1"
        )
        session.endpoint_url = server.endpoint_url  # type: ignore[attr-defined]
        yield session
    finally:
        server.stop()


def _client(session: Any, service: str) -> Any:
    return session.client(service, endpoint_url=session.endpoint_url)


def test_allowed_call_reaches_the_service(restricted_session):
    provider = SSMProvider(boto3_client=_client(restricted_session, "ssm"))
    with pytest.raises(GetParameterError) as info:
        provider.get("/not/there")
    assert "ParameterNotFound" in str(info.value)  # authorised, then not found


def test_denied_batch_read_names_the_parameters(restricted_session):
    provider = SSMProvider(boto3_client=_client(restricted_session, "ssm"))
    with pytest.raises(GetParameterError) as info:
        provider.get_parameters_by_name({"/app/a": None, "/app/b": None})
    message = str(info.value)
    assert message.startswith("Failed to get parameters ['/app/a', '/app/b']: ")
    assert "not authorized to perform: ssm:GetParameters" in message
    assert provider.get_parameters_by_name({"/app/a": None}, raise_on_error=False) == {"_errors": ["/app/a"]}


def test_denied_path_read_names_the_path(restricted_session):
    provider = SSMProvider(boto3_client=_client(restricted_session, "ssm"))
    with pytest.raises(GetParameterError) as info:
        provider.get_multiple("/app")
    assert str(info.value).startswith("Failed to get parameters under path '/app': ")
    assert "not authorized to perform: ssm:GetParametersByPath" in str(info.value)


def test_denied_secret_names_the_secret(restricted_session):
    provider = SecretsProvider(boto3_client=_client(restricted_session, "secretsmanager"))
    with pytest.raises(GetParameterError) as info:
        provider.get("db-password")
    assert str(info.value).startswith("Failed to get secret 'db-password': ")
    assert "not authorized to perform: secretsmanager:GetSecretValue" in str(info.value)
    assert info.value.name == "db-password"
