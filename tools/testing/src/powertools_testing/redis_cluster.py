"""A local 3-node Redis Cluster: three ``redis-server --cluster-enabled yes`` joined together.

The nodes are joined with CLUSTER MEET and given a third of the 16,384 hash slots each
(CLUSTER ADDSLOTS), which is what ``redis-cli --cluster create`` does for masters without
replicas; doing it through the client needs no redis-cli binary.
"""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any

from powertools_testing.redis_service import RedisServer
from powertools_testing.util import LOCALHOST, ServiceError, free_port

SLOTS = 16384
NODES = 3
READY_TIMEOUT = 30.0


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((LOCALHOST, port))
        except OSError:
            return False
    return True


class _ClusterNode(RedisServer):
    """A node also needs its cluster-bus port (its port + 10000) free."""

    def _pick_port(self) -> int:
        for _ in range(200):
            port = free_port()
            if port + 10000 <= 65535 and _port_free(port + 10000):
                return port
        raise ServiceError("no free port pair (port, port + 10000) for a Redis Cluster node")


class RedisClusterServers:
    def __init__(self, binary: str, workdir: Path) -> None:
        self.nodes = [
            _ClusterNode(
                binary,
                _mkdir(workdir / f"node{i}"),
                ("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000"),
            )
            for i in range(NODES)
        ]

    @property
    def host(self) -> str:
        return LOCALHOST

    @property
    def port(self) -> int:
        return self.nodes[0].port

    @property
    def url(self) -> str:
        return f"redis://{LOCALHOST}:{self.port}"

    def start(self) -> None:
        for node in self.nodes:
            node.start()
        self._join()

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()

    def client(self) -> Any:
        """A redis-py RedisCluster client (follows MOVED redirections between nodes)."""
        from redis.cluster import RedisCluster

        return RedisCluster(host=LOCALHOST, port=self.port)

    def flush(self) -> None:
        for node in self.nodes:
            with node.client() as client:
                client.flushall()

    def _join(self) -> None:
        per_node = SLOTS // NODES
        for i, node in enumerate(self.nodes):
            first = i * per_node
            last = SLOTS - 1 if i == NODES - 1 else first + per_node - 1
            with node.client() as client:
                client.execute_command("CLUSTER", "ADDSLOTS", *range(first, last + 1))
        with self.nodes[0].client() as client:
            for other in self.nodes[1:]:
                client.execute_command("CLUSTER", "MEET", LOCALHOST, other.port)
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if all(self._state(node) == "ok" for node in self.nodes):
                return
            time.sleep(0.1)
        raise ServiceError(f"Redis Cluster did not reach cluster_state:ok within {READY_TIMEOUT:.0f}s")

    @staticmethod
    def _state(node: RedisServer) -> str:
        with node.client() as client:
            info = client.execute_command("CLUSTER", "INFO")
        text = info.decode() if isinstance(info, bytes) else str(info)
        for line in text.splitlines():
            if line.startswith("cluster_state:"):
                return line.split(":", 1)[1].strip()
        return "unknown"


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
