"""Stores the fault tests can stop and start again on the same port, keeping their data.

The shared fixtures in tools/testing start one moto and one redis-server per session; the fault
tests need their own, because they stop them in the middle of a run:

- ``RestartableMoto``: moto's threaded server inside the test process. Stopping it closes the
  listening socket (connections are refused, as when the service is down); the moto backends live
  in this process, so tables, queues and parameters are still there after ``start()`` again.
- ``RestartableRedis``: a real redis-server with an append-only file synced on every write, so a
  restart on the same port finds every acknowledged write (what a persistent redis does).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from powertools_testing import free_port
from powertools_testing.redis_service import RedisServer, find_redis_server

__all__ = ["RestartableMoto", "RestartableRedis"]

HOST = "127.0.0.1"


class RestartableMoto:
    """moto's ThreadedMotoServer on one fixed 127.0.0.1 port, stoppable and restartable."""

    def __init__(self) -> None:
        self.port = free_port()
        self._server: Any = None
        self.stops = 0

    @property
    def endpoint_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> None:
        from moto.server import ThreadedMotoServer

        self._server = ThreadedMotoServer(ip_address=HOST, port=self.port, verbose=False)
        self._server.start()

    def stop(self) -> None:
        """Stop serving and close the socket: new connections are refused until ``start()``."""
        server, self._server = self._server, None
        if server is None:
            return
        self.stops += 1
        server.stop()
        if server._server is not None:  # ThreadedMotoServer.stop leaves the socket listening
            server._server.server_close()

    def client(self, service: str, *, fail_fast: bool = True) -> Any:
        """A boto3 client to the server; ``fail_fast=False`` for setup, which a busy machine may slow."""
        import boto3
        from botocore.config import Config

        # Fail fast while the store is down: one attempt, short timeouts.
        config = (
            Config(connect_timeout=1, read_timeout=2, retries={"max_attempts": 1, "mode": "standard"})
            if fail_fast
            else Config(retries={"max_attempts": 1, "mode": "standard"})
        )
        return boto3.client(
            service,
            endpoint_url=self.endpoint_url,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",  # noqa: S106 - moto's fake credentials
            config=config,
        )


class RestartableRedis(RedisServer):
    """redis-server on a fixed port with ``appendfsync always``: data survives a restart."""

    def __init__(self, workdir: Path) -> None:
        binary = find_redis_server()
        if binary is None:
            raise RuntimeError("redis-server not found: apt-get install -y redis-server")
        super().__init__(binary, workdir, extra_args=("--appendonly", "yes", "--appendfsync", "always"))
        self._fixed_port = free_port()
        self.stops = 0

    def _pick_port(self) -> int:
        return self._fixed_port

    def stop(self) -> None:
        if self.pid is not None:
            self.stops += 1
        super().stop()

    def fast_client(self) -> Any:
        """A client failing fast while the server is down: one-second timeouts, one immediate retry."""
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        return redis.Redis(
            host=self.host,
            port=self._fixed_port,
            socket_timeout=1,
            socket_connect_timeout=1,
            retry=Retry(NoBackoff(), 1),
        )
