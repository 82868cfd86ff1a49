"""The redis_cluster fixture is a working 3-node cluster: keys spread over nodes, reads follow MOVED."""

from __future__ import annotations

from typing import Any


def test_keys_land_on_every_node_and_read_back(redis_cluster: Any) -> None:
    client = redis_cluster.client()
    for i in range(60):
        client.set(f"key-{i}", str(i))
    assert [client.get(f"key-{i}") for i in range(60)] == [str(i).encode() for i in range(60)]
    per_node = []
    for node in redis_cluster.nodes:
        with node.client() as direct:
            per_node.append(direct.dbsize())
    assert sum(per_node) == 60
    assert all(count > 0 for count in per_node)  # the slots really are split three ways
    info = redis_cluster.nodes[1].client().execute_command("CLUSTER", "INFO").decode()
    assert "cluster_state:ok" in info
    assert "cluster_known_nodes:3" in info
