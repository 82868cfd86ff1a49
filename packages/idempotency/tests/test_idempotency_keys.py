"""Key and hash helpers on the hot path, pinned against their plain definitions.

``is_missing_idempotency_key`` is a hand-written loop and the key hash uses one shared encoder
(both for speed): they must give what ``all(...)`` and ``json.dumps(..., sort_keys=True)`` give.
"""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest

from powertools.idempotency.persistence.base import BasePersistenceLayer, _KeyEncoder


def plain_is_missing(data: Any) -> bool:
    if isinstance(data, dict):
        return all(value is None for value in data.values())
    if isinstance(data, (tuple, list)):
        return all(value is None for value in data)
    if isinstance(data, (int, float, bool)):
        return False
    return not data


@pytest.mark.parametrize(
    "data",
    [{}, {"a": None}, {"a": None, "b": 0}, {"a": {}}, [], [None], [None, 1], [0], (), (None,), (None, "x"),
     0, 0.0, False, True, 7, "", "id", None, b"", b"x", set(), {1}],
)  # fmt: skip
def test_missing_key_matches_the_plain_definition(data: Any) -> None:
    assert BasePersistenceLayer.is_missing_idempotency_key(data) is plain_is_missing(data)


class _Layer(BasePersistenceLayer):
    def _get_record(self, idempotency_key: str) -> Any:
        raise NotImplementedError

    def _put_record(self, data_record: Any) -> None:
        raise NotImplementedError

    def _update_record(self, data_record: Any) -> None:
        raise NotImplementedError

    def _delete_record(self, data_record: Any) -> None:
        raise NotImplementedError


def test_key_hash_is_the_sorted_json_hash_from_many_threads() -> None:
    layer = _Layer()
    payloads = [{"b": [i, {"z": 1, "a": None}], "a": f"order-{i}"} for i in range(200)]
    texts = [json.dumps(p, cls=_KeyEncoder, sort_keys=True) for p in payloads]
    expected = [layer.hash_function(text.encode()).hexdigest() for text in texts]
    results: list[list[str]] = []

    def work() -> None:
        results.append([layer._generate_hash(p) for p in payloads])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 8


def test_a_circular_payload_is_still_a_key_error() -> None:
    from powertools.idempotency.exceptions import IdempotencyKeyError

    payload: dict[str, Any] = {}
    payload["self"] = payload
    with pytest.raises(IdempotencyKeyError, match="Circular reference"):
        _Layer()._generate_hash(payload)
