"""Idempotency records in Redis (standalone or cluster): one JSON string per key, with a TTL.

The in-progress record is written with ``SET NX EX``: exactly one caller wins. A key whose
record is expired, or in progress past its deadline (the invocation timed out), is orphaned;
a caller takes it over under a short ``<key>:lock`` (``SET NX``) so two don't both do so.
``redis`` loads when the layer connects, not at import.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal, Protocol

from powertools.idempotency.exceptions import (
    IdempotencyItemAlreadyExistsError,
    IdempotencyItemNotFoundError,
    IdempotencyPersistenceConfigError,
    IdempotencyPersistenceConnectionError,
    IdempotencyPersistenceConsistencyError,
)
from powertools.idempotency.persistence.base import BasePersistenceLayer
from powertools.idempotency.persistence.datarecord import STATUS_CONSTANTS, DataRecord

__all__ = [
    "CacheClientProtocol",
    "CacheConnection",
    "CachePersistenceLayer",
    "RedisCachePersistenceLayer",
    "RedisClientProtocol",
    "RedisConnection",
]

logger = logging.getLogger(__name__)


class RedisClientProtocol(Protocol):
    """What the layer needs of a client: ``redis.Redis`` and ``redis.cluster.RedisCluster`` fit."""

    def get(self, name: Any) -> Any: ...

    def set(self, name: Any, value: Any, ex: Any = ..., px: Any = ..., nx: bool = ...) -> Any: ...

    def delete(self, *names: Any) -> Any: ...


class RedisConnection:
    def __init__(
        self,
        url: str = "",
        host: str = "",
        port: int = 6379,
        username: str = "",
        password: str = "",
        db_index: int = 0,
        mode: Literal["standalone", "cluster"] = "standalone",
        ssl: bool = True,
    ) -> None:
        self.url = url
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.db_index = db_index
        self.ssl = ssl
        self.mode = mode

    def _init_client(self) -> RedisClientProtocol:
        if self.mode not in ("standalone", "cluster"):
            raise IdempotencyPersistenceConfigError(f"Mode {self.mode} not supported")
        import redis
        import redis.cluster

        factory: Any = redis.Redis if self.mode == "standalone" else redis.cluster.RedisCluster
        try:
            if self.url:
                return factory.from_url(url=self.url)
            extra = {"db": self.db_index} if self.mode == "standalone" else {}
            return factory(
                host=self.host,
                port=self.port,
                username=self.username or None,
                password=self.password or None,
                decode_responses=True,
                ssl=self.ssl,
                **extra,
            )
        except redis.exceptions.ConnectionError as exc:
            raise IdempotencyPersistenceConnectionError("Could not to connect to Cache endpoint", exc) from exc


class RedisCachePersistenceLayer(BasePersistenceLayer):
    def __init__(
        self,
        url: str = "",
        host: str = "",
        port: int = 6379,
        username: str = "",
        password: str = "",
        db_index: int = 0,
        mode: Literal["standalone", "cluster"] = "standalone",
        ssl: bool = True,
        client: RedisClientProtocol | None = None,
        in_progress_expiry_attr: str = "in_progress_expiration",
        expiry_attr: str = "expiration",
        status_attr: str = "status",
        data_attr: str = "data",
        validation_key_attr: str = "validation",
    ) -> None:
        self._connection = (
            None if client is not None else RedisConnection(url, host, port, username, password, db_index, mode, ssl)
        )
        self._client = client
        self._where = (
            "client given" if client is not None else (f"{mode} at {host}:{port}" if not url else f"{mode} at url")
        )
        self.in_progress_expiry_attr = in_progress_expiry_attr
        self.expiry_attr = expiry_attr
        self.status_attr = status_attr
        self.data_attr = data_attr
        self.validation_key_attr = validation_key_attr
        super().__init__()
        self._orphan_lock_timeout = min(10, self.expires_after_seconds)

    @property
    def client(self) -> RedisClientProtocol:
        if self._client is None:
            assert self._connection is not None
            self._client = self._connection._init_client()
        return self._client

    def describe(self) -> str:
        return f"Redis ({self._where})"

    def _ttl(self, expiry_timestamp: int | None) -> int:
        if expiry_timestamp:
            return max(1, int(expiry_timestamp) - int(time.time()))
        return self.expires_after_seconds

    def _item_to_data_record(self, idempotency_key: str, item: dict[str, Any]) -> DataRecord:
        return DataRecord(
            idempotency_key=idempotency_key,
            status=item[self.status_attr],
            in_progress_expiry_timestamp=item.get(self.in_progress_expiry_attr),
            response_data=item.get(self.data_attr, ""),
            payload_hash=item.get(self.validation_key_attr, ""),
            expiry_timestamp=item.get(self.expiry_attr),
        )

    def _get_record(self, idempotency_key: str) -> DataRecord:
        raw = self.client.get(idempotency_key)
        if not raw:
            raise IdempotencyItemNotFoundError
        try:
            item = json.loads(raw)
            return self._item_to_data_record(idempotency_key, item)
        except (ValueError, KeyError, TypeError):
            raise IdempotencyPersistenceConsistencyError(
                f"Unreadable idempotency record at {idempotency_key!r}"
            ) from None

    def _put_record(self, data_record: DataRecord) -> None:
        if data_record.status != STATUS_CONSTANTS["INPROGRESS"]:
            raise NotImplementedError("Redis records are written in progress first, then updated")
        mapping: dict[str, Any] = {self.status_attr: data_record.status, self.expiry_attr: data_record.expiry_timestamp}
        if data_record.in_progress_expiry_timestamp is not None:
            mapping[self.in_progress_expiry_attr] = data_record.in_progress_expiry_timestamp
        if self.payload_validation_enabled:
            mapping[self.validation_key_attr] = data_record.payload_hash
        encoded = json.dumps(mapping)
        ttl = self._ttl(data_record.expiry_timestamp)
        key = data_record.idempotency_key
        if self.client.set(name=key, value=encoded, ex=ttl, nx=True):
            return
        try:
            existing = self._get_record(key)
        except IdempotencyItemNotFoundError:
            existing = None  # it expired or was deleted in between: orphaned for our purposes
        except IdempotencyPersistenceConsistencyError:
            existing = None
        if existing is not None and self._is_live(existing):
            self._validate_payload(data_record, existing)
            raise IdempotencyItemAlreadyExistsError(old_data_record=existing)
        with self._acquire_lock(key):
            self.client.set(name=key, value=encoded, ex=ttl)

    @staticmethod
    def _is_live(record: DataRecord) -> bool:
        if record.is_expired:
            return False
        if record.status == STATUS_CONSTANTS["COMPLETED"]:
            return True
        deadline = record.in_progress_expiry_timestamp
        return deadline is None or int(deadline) > int(time.time() * 1000)

    @contextmanager
    def _acquire_lock(self, name: str) -> Iterator[None]:
        # Held until it times out (not released): a second caller in that window backs off.
        if self.client.set(name=f"{name}:lock", value="True", ex=self._orphan_lock_timeout, nx=True):
            yield
            return
        raise IdempotencyItemAlreadyExistsError

    def _update_record(self, data_record: DataRecord) -> None:
        mapping: dict[str, Any] = {
            self.data_attr: data_record.response_data,
            self.status_attr: data_record.status,
            self.expiry_attr: data_record.expiry_timestamp,
        }
        if self.payload_validation_enabled:
            mapping[self.validation_key_attr] = data_record.payload_hash
        self.client.set(
            name=data_record.idempotency_key, value=json.dumps(mapping), ex=self._ttl(data_record.expiry_timestamp)
        )

    def _delete_record(self, data_record: DataRecord) -> None:
        self.client.delete(data_record.idempotency_key)


# Upstream's newer names for the same classes.
CachePersistenceLayer = RedisCachePersistenceLayer
CacheClientProtocol = RedisClientProtocol
CacheConnection = RedisConnection
