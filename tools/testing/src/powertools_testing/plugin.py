"""The pytest plugin (entry point ``pytest11``): fixtures for real local test services.

Every service starts lazily, the first time a test asks for it, and at most once per
session. Heavy imports (boto3, redis, moto) happen only inside the fixtures that need
them, because this module is imported by every pytest run in the environment.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import pytest

from powertools_testing.appconfig_service import AppConfigDataServer
from powertools_testing.aws_env import apply_fake_aws_env
from powertools_testing.chromium import INSTALL_HINT as CHROMIUM_INSTALL_HINT
from powertools_testing.chromium import Chromium, find_chromium
from powertools_testing.events import load_event as _load_event
from powertools_testing.lambda_runtime_api import LambdaRuntimeAPI
from powertools_testing.moto_service import MotoServer
from powertools_testing.redis_cluster import RedisClusterServers
from powertools_testing.redis_service import INSTALL_HINT, RedisServer, find_redis_server
from powertools_testing.util import ServiceError
from powertools_testing.xray_daemon import XRayDaemon

if TYPE_CHECKING:
    from powertools.common.typing import LocalLambdaContext


def _fail(exc: ServiceError) -> NoReturn:
    pytest.fail(str(exc), pytrace=False)


# --- moto ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def moto_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MotoServer]:
    """One moto server for the session; every boto3 client reaches it via AWS_ENDPOINT_URL."""
    workdir = tmp_path_factory.mktemp("moto")
    server = MotoServer(workdir)
    try:
        server.start()
    except ServiceError as exc:
        _fail(exc)
    with pytest.MonkeyPatch.context() as mp:
        apply_fake_aws_env(mp, workdir)
        mp.setenv("AWS_ENDPOINT_URL", server.endpoint_url)
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture
def aws(moto_server: MotoServer) -> MotoServer:
    """The session's moto server, wiped clean before this test."""
    moto_server.reset()
    return moto_server


# --- AppConfigData ------------------------------------------------------------------


@pytest.fixture(scope="session")
def appconfig_data_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppConfigDataServer]:
    """One local AppConfigData endpoint for the session (AWS_ENDPOINT_URL_APPCONFIGDATA)."""
    server = AppConfigDataServer()
    server.start()
    with pytest.MonkeyPatch.context() as mp:
        apply_fake_aws_env(mp, tmp_path_factory.mktemp("appconfigdata"))
        mp.setenv("AWS_ENDPOINT_URL_APPCONFIGDATA", server.endpoint_url)
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture
def appconfig_data(appconfig_data_server: AppConfigDataServer) -> AppConfigDataServer:
    """The session's AppConfigData endpoint with no configurations, sessions or counts."""
    appconfig_data_server.clear()
    return appconfig_data_server


# --- redis --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A real in-memory redis-server for the session; fails (never skips) if not installed."""
    binary = find_redis_server()
    if binary is None:
        pytest.fail(INSTALL_HINT, pytrace=False)
    server = RedisServer(binary, tmp_path_factory.mktemp("redis"))
    try:
        server.start()
    except ServiceError as exc:
        _fail(exc)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def redis(redis_server: RedisServer) -> RedisServer:
    """The session's redis-server, flushed before this test."""
    redis_server.flush()
    return redis_server


@pytest.fixture(scope="session")
def redis_cluster_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisClusterServers]:
    """A local 3-node Redis Cluster for the session (the same redis-server binary, cluster mode)."""
    binary = find_redis_server()
    if binary is None:
        pytest.fail(INSTALL_HINT, pytrace=False)
    cluster = RedisClusterServers(binary, tmp_path_factory.mktemp("redis-cluster"))
    try:
        cluster.start()
    except ServiceError as exc:
        cluster.stop()
        _fail(exc)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def redis_cluster(redis_cluster_servers: RedisClusterServers) -> RedisClusterServers:
    """The session's Redis Cluster, every node flushed before this test."""
    redis_cluster_servers.flush()
    return redis_cluster_servers


# --- X-Ray --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def xray_daemon_socket() -> Iterator[XRayDaemon]:
    daemon = XRayDaemon()
    daemon.start()
    try:
        yield daemon
    finally:
        daemon.stop()


@pytest.fixture
def xray_daemon(xray_daemon_socket: XRayDaemon, monkeypatch: pytest.MonkeyPatch) -> XRayDaemon:
    """Captures X-Ray SDK datagrams; AWS_XRAY_DAEMON_ADDRESS points here for this test."""
    xray_daemon_socket.clear()
    monkeypatch.setenv("AWS_XRAY_DAEMON_ADDRESS", xray_daemon_socket.address)
    return xray_daemon_socket


# --- Lambda -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def offline_wheelhouse(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> Path:
    """Wheels of the packages' third-party requirements (and hatchling), repacked from this environment.

    For offline ``pip install --no-index --find-links`` runs: tests never reach PyPI.
    """
    from powertools_testing.wheelhouse import build_wheelhouse

    return build_wheelhouse(tmp_path_factory.mktemp("wheelhouse"), pytestconfig.rootpath / "packages")


@pytest.fixture
def lambda_runtime_api() -> Iterator[LambdaRuntimeAPI]:
    """A local Lambda Runtime API for a runtime client process (``AWS_LAMBDA_RUNTIME_API=<.address>``)."""
    api = LambdaRuntimeAPI()
    api.start()
    try:
        yield api
    finally:
        api.stop()


@pytest.fixture
def lambda_context() -> LocalLambdaContext:
    """A fresh ``powertools.common.typing.LocalLambdaContext`` with its defaults."""
    from powertools.common.typing import LocalLambdaContext

    return LocalLambdaContext()


@pytest.fixture
def load_event() -> Callable[[str], dict[str, Any]]:
    """``load_event(name)``: a fresh copy of ``powertools_testing/events/<name>.json``."""
    return _load_event


# --- headless Chromium ----------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium() -> Chromium:
    """Debian's chromium (or $CHROMIUM) for headless browser checks.

    Skipped locally when no browser is installed; under CI=true a missing browser fails.
    """
    executable = find_chromium()
    if executable is None:
        message = f"no Chromium found: {CHROMIUM_INSTALL_HINT}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return Chromium(executable)
