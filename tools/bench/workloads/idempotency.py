"""idempotent_function calls over an in-memory persistence layer: a new payload (first call) and a repeat.

Every flavour stores records in a dict, so the number measures the library's own work
(hashing the payload, record bookkeeping, serialising the result), not a network hop.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import time
from typing import Any

from tools.bench.adapter import Api
from tools.bench.workloads._support import CONTEXT
from tools.bench.workloads.base import Call, Target, Workload

# Records kept before the store is emptied, so long runs use bounded memory.
MAX_RECORDS = 10_000


def _memory_store(api: Api) -> Any:
    base = api.get("idempotency", "BasePersistenceLayer")
    exceptions = api.module("idempotency.exceptions")

    class MemoryPersistenceLayer(base):  # type: ignore[misc,valid-type]
        def __init__(self) -> None:
            super().__init__()
            self.records: dict[str, Any] = {}

        def _get_record(self, idempotency_key: str) -> Any:
            try:
                return self.records[idempotency_key]
            except KeyError:
                raise exceptions.IdempotencyItemNotFoundError(idempotency_key) from None

        def _put_record(self, data_record: Any) -> None:
            existing = self.records.get(data_record.idempotency_key)
            if existing is not None and not existing.is_expired:
                raise exceptions.IdempotencyItemAlreadyExistsError(old_data_record=existing)
            if len(self.records) >= MAX_RECORDS:
                self.records.clear()
            self.records[data_record.idempotency_key] = data_record

        def _update_record(self, data_record: Any) -> None:
            self.records[data_record.idempotency_key] = data_record

        def _delete_record(self, data_record: Any) -> None:
            self.records.pop(data_record.idempotency_key, None)

    return MemoryPersistenceLayer()


def _process(order: dict[str, Any]) -> dict[str, Any]:
    return {"order_id": order["id"], "status": "done"}


def build(api: Api) -> Call:
    idempotency = api.module("idempotency")
    config = idempotency.IdempotencyConfig(use_local_cache=False)
    config.register_lambda_context(CONTEXT)
    runs = itertools.count()

    @idempotency.idempotent_function(data_keyword_argument="order", persistence_store=_memory_store(api), config=config)
    def process(order: dict[str, Any]) -> dict[str, Any]:
        next(runs)
        return _process(order)

    # Proof of idempotency for the fingerprint: a repeated payload returns the stored result without running.
    first, again = process(order={"id": "probe"}), process(order={"id": "probe"})
    replayed = first == again and next(runs) == 1
    counter = itertools.count()

    def call() -> dict[str, Any]:
        return {"result": process(order={"id": f"order-{next(counter)}"}) | {"order_id": "new"}, "replayed": replayed}

    return call


def bare() -> Call:
    records: dict[str, dict[str, Any]] = {}

    def idempotent_process(order: dict[str, Any]) -> dict[str, Any]:
        key = "bench#" + hashlib.md5(json.dumps(order, sort_keys=True).encode(), usedforsecurity=False).hexdigest()
        record = records.get(key)
        now = time.time()
        if record is not None and record["expiry"] > now and record["status"] == "COMPLETED":
            return dict(json.loads(record["data"]))
        if len(records) >= MAX_RECORDS:
            records.clear()
        records[key] = {"status": "INPROGRESS", "expiry": now + 3600}
        result = _process(order)
        records[key] = {"status": "COMPLETED", "expiry": now + 3600, "data": json.dumps(result)}
        return result

    replayed = idempotent_process({"id": "probe"}) == idempotent_process({"id": "probe"})
    counter = itertools.count()

    def call() -> dict[str, Any]:
        return {
            "result": idempotent_process({"id": f"order-{next(counter)}"}) | {"order_id": "new"},
            "replayed": replayed,
        }

    return call


def build_repeat(api: Api) -> Call:
    idempotency = api.module("idempotency")
    config = idempotency.IdempotencyConfig(use_local_cache=False)
    config.register_lambda_context(CONTEXT)

    @idempotency.idempotent_function(data_keyword_argument="order", persistence_store=_memory_store(api), config=config)
    def process(order: dict[str, Any]) -> dict[str, Any]:
        return _process(order)

    process(order={"id": "repeated"})
    return lambda: process(order={"id": "repeated"})


def bare_repeat() -> Call:
    records: dict[str, str] = {}
    key = (
        "bench#"
        + hashlib.md5(json.dumps({"id": "repeated"}, sort_keys=True).encode(), usedforsecurity=False).hexdigest()
    )
    records[key] = json.dumps(_process({"id": "repeated"}))

    def call() -> dict[str, Any]:
        order = {"id": "repeated"}
        digest = hashlib.md5(json.dumps(order, sort_keys=True).encode(), usedforsecurity=False).hexdigest()
        return dict(json.loads(records["bench#" + digest]))

    return call


WORKLOADS = [
    Workload(
        name="idempotency.first_call",
        utility="idempotency",
        description="idempotent_function with a new payload per call (in-memory persistence layer)",
        build=build,
        bare=bare,
        target=Target(0.7),
    ),
    Workload(
        name="idempotency.repeat_call",
        utility="idempotency",
        description="idempotent_function called again with the same payload: answered from the store",
        build=build_repeat,
        bare=bare_repeat,
        target=Target(0.7),
    ),
]
