"""Faults: the AppConfigData endpoint stops and restarts under feature flags.

What must hold: a warm store keeps answering from the configuration it has (AppConfig's poll
interval has not passed); a cold store during the outage answers the defaults (documented), while
reading the configuration directly raises ``ConfigurationStoreError`` naming the profile; after the
restart the cold store recovers by itself (its failed session token is not reused).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from typing import Any

import boto3
import pytest
from botocore.config import Config

from powertools.feature_flags import AppConfigStore, FeatureFlags
from powertools.feature_flags.exceptions import ConfigurationStoreError
from powertools_testing import free_port
from powertools_testing.appconfig_service import AppConfigDataServer, _Handler, _Server
from tools.reliability.ledger import LEDGER

TARGET = "feature-flags: AppConfigData stopped and restarted"
CLAIM = "warm store answers from its copy; cold store answers defaults; typed error; recovers after restart"
FLAGS = {"premium": {"default": False, "rules": {"gold": {"when_match": True, "conditions": [
    {"action": "EQUALS", "key": "tier", "value": "gold"}]}}}}  # fmt: skip


class _FixedPortServer(_Server):
    def __init__(self, service: Any, port: int) -> None:
        ThreadingHTTPServer.__init__(self, ("127.0.0.1", port), _Handler)  # not _Server's port 0
        self.service = service


class RestartableAppConfigData(AppConfigDataServer):
    """The local AppConfigData service on one fixed port: its deployments outlive a restart."""

    def __init__(self) -> None:
        super().__init__()
        self.port = free_port()

    def start(self) -> None:
        import threading

        self._server = _FixedPortServer(self, self.port)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()


@pytest.fixture
def appconfig() -> Iterator[RestartableAppConfigData]:
    server = RestartableAppConfigData()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def flags_for(server: RestartableAppConfigData, app: str) -> tuple[FeatureFlags, AppConfigStore]:
    client = boto3.client(
        "appconfigdata",
        endpoint_url=server.endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(connect_timeout=1, read_timeout=2, retries={"max_attempts": 1, "mode": "standard"}),
    )
    store = AppConfigStore(environment="prod", application=app, name="flags", max_age=1, boto3_client=client)
    return FeatureFlags(store=store), store


def test_feature_flags_while_appconfig_is_down(appconfig: RestartableAppConfigData) -> None:
    app = f"shop-{uuid.uuid4().hex[:8]}"
    appconfig.put_configuration(app, "prod", "flags", FLAGS)
    gold = {"tier": "gold"}
    warm, _ = flags_for(appconfig, app)
    assert warm.evaluate(name="premium", context=gold, default=False) is True

    appconfig.stop()
    LEDGER.fault("faults", TARGET, CLAIM)
    time.sleep(1.1)  # past max_age, within AppConfig's poll interval
    assert warm.evaluate(name="premium", context=gold, default=False) is True
    cold, cold_store = flags_for(appconfig, app)
    assert cold.evaluate(name="premium", context=gold, default=False) is False  # the default
    assert cold.get_enabled_features(context=gold) == []
    with pytest.raises(ConfigurationStoreError, match=f"application={app}, environment=prod, name=flags"):
        cold_store.get_configuration()
    LEDGER.invocation("faults", TARGET, CLAIM, 5)

    appconfig.start()
    assert cold.evaluate(name="premium", context=gold, default=False) is True
    assert cold.get_enabled_features(context=gold) == ["premium"]
    assert warm.evaluate(name="premium", context=gold, default=False) is True
    LEDGER.invocation("faults", TARGET, CLAIM, 3)
