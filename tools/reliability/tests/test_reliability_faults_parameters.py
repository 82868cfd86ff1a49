"""Faults: moto (SSM Parameter Store, Secrets Manager) stops while a function reads its parameters.

What must hold while the service is down: cached values younger than ``max_age`` are served
without a call; anything else is ``GetParameterError`` naming the parameter, and no error text
holds a secret's value; a value past its ``max_age`` is not served stale. After the restart the
cache is not poisoned by the failures (nothing cached for a failed read, the old value kept until
its age runs out) and a forced read returns the new value.
"""

from __future__ import annotations

import time
import traceback
import uuid
from typing import Any

import pytest

from powertools.parameters import SecretsProvider, SSMProvider
from powertools.parameters.exceptions import GetParameterError
from tools.reliability.ledger import LEDGER
from tools.reliability.services import RestartableMoto

TARGET = "parameters: SSM + Secrets Manager stopped and restarted"
CLAIM = "cache served within max_age, GetParameterError naming the name otherwise, no stale or poisoned cache"
SECRET = "Walrus-Opal-9931-secret"


def counted(client: Any) -> list[str]:
    """The SDK operations the client sends (botocore's own event hook, not a mock)."""
    calls: list[str] = []
    client.meta.events.register("before-call.*.*", lambda model, **_: calls.append(model.name))
    return calls


def full_text(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc))


def test_parameters_while_the_service_is_down() -> None:
    moto = RestartableMoto()
    moto.start()
    try:
        run(moto)
    finally:
        moto.stop()


def run(moto: RestartableMoto) -> None:
    prefix = f"/app-{uuid.uuid4().hex[:8]}"  # moto's backends live on in this process
    ssm_admin, secrets_admin = moto.client("ssm", fail_fast=False), moto.client("secretsmanager", fail_fast=False)
    ssm_admin.put_parameter(Name=f"{prefix}/url", Value="https://v1.example", Type="String")
    ssm_admin.put_parameter(Name=f"{prefix}/limits", Value='{"rps": 10}', Type="String")
    ssm_admin.put_parameter(Name=f"{prefix}/short", Value="brief", Type="String")
    secrets_admin.create_secret(Name=f"{prefix}-db", SecretString=SECRET)

    ssm_client, secrets_client = moto.client("ssm"), moto.client("secretsmanager")
    ssm_calls, secret_calls = counted(ssm_client), counted(secrets_client)
    ssm = SSMProvider(boto3_client=ssm_client)
    secrets = SecretsProvider(boto3_client=secrets_client)

    assert ssm.get(f"{prefix}/url", max_age=60) == "https://v1.example"
    assert ssm.get(f"{prefix}/short", max_age=1) == "brief"
    assert secrets.get(f"{prefix}-db", max_age=60) == SECRET
    assert (len(ssm_calls), len(secret_calls)) == (2, 1)
    cached_before = dict(ssm.store)

    moto.stop()
    LEDGER.fault("faults", TARGET, CLAIM)
    # Within max_age: served from the cache, no call.
    assert ssm.get(f"{prefix}/url", max_age=60) == "https://v1.example"
    assert secrets.get(f"{prefix}-db", max_age=60) == SECRET
    assert (len(ssm_calls), len(secret_calls)) == (2, 1)

    failing: dict[str, Any] = {
        f"{prefix}/url": lambda: ssm.get(f"{prefix}/url", force_fetch=True),
        f"{prefix}/limits": lambda: ssm.get(f"{prefix}/limits", transform="json"),
        prefix: lambda: ssm.get_multiple(prefix, force_fetch=True),
        f"{prefix}-db": lambda: secrets.get(f"{prefix}-db", force_fetch=True),
    }
    time.sleep(1.1)  # /short is now past its max_age of 1 s
    failing[f"{prefix}/short"] = lambda: ssm.get(f"{prefix}/short", max_age=1)
    for name, read in failing.items():
        with pytest.raises(GetParameterError) as info:
            read()
        LEDGER.invocation("faults", TARGET, CLAIM)
        assert info.value.name == name
        assert f"'{name}'" in str(info.value)
        assert SECRET not in full_text(info.value)
    # Failed reads cached nothing; the entries that were there are the same objects.
    assert {key: ssm.store[key] for key in cached_before} == cached_before
    assert len(ssm.store) == len(cached_before)

    moto.start()
    ssm_admin.put_parameter(Name=f"{prefix}/url", Value="https://v2.example", Type="String", Overwrite=True)
    assert ssm.get(f"{prefix}/url", max_age=60) == "https://v1.example"  # still young: cached
    assert ssm.get(f"{prefix}/url", max_age=60, force_fetch=True) == "https://v2.example"
    assert ssm.get(f"{prefix}/url", max_age=60) == "https://v2.example"  # the cache took the new value
    assert ssm.get(f"{prefix}/limits", transform="json") == {"rps": 10}
    assert ssm.get_multiple(prefix) == {"url": "https://v2.example", "limits": '{"rps": 10}', "short": "brief"}
    assert secrets.get(f"{prefix}-db", force_fetch=True) == SECRET
    LEDGER.invocation("faults", TARGET, CLAIM, 6)
