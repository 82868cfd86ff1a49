"""``BasePersistenceLayer``: keys, hashes, expiry and the local cache; stores implement four hooks.

A custom store written for upstream (``_get_record``, ``_put_record``, ``_update_record``,
``_delete_record`` over ``DataRecord``) runs unchanged on this base class.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
import warnings
from abc import ABC, abstractmethod
from collections import OrderedDict
from pathlib import PurePath
from typing import Any

from powertools.common.encoder import Encoder
from powertools.idempotency.exceptions import (
    IdempotencyItemAlreadyExistsError,
    IdempotencyKeyError,
    IdempotencyValidationError,
)
from powertools.idempotency.persistence.datarecord import STATUS_CONSTANTS, DataRecord

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from powertools.idempotency.config import IdempotencyConfig

__all__ = ["BasePersistenceLayer"]

logger = logging.getLogger(__name__)


class _KeyEncoder(Encoder):
    """The JSON a key is hashed from: the same text as upstream for the same payload (Decimal,
    dates, UUID, Enum, dataclasses, pydantic models), so either finds the other's records."""

    def default(self, o: Any) -> Any:
        if isinstance(o, PurePath):
            return str(o)
        return super().default(o)


# Built once: ``json.dumps(data, cls=..., sort_keys=True)`` constructs an encoder per call, and
# ``encode`` keeps no state between calls (the circular-reference markers are per call), so one
# instance serves every thread.
_KEY_ENCODER = _KeyEncoder(sort_keys=True)
_RESPONSE_ENCODER = Encoder(sort_keys=True)
_INPROGRESS = STATUS_CONSTANTS["INPROGRESS"]
_COMPLETED = STATUS_CONSTANTS["COMPLETED"]


class _LRU(OrderedDict[str, DataRecord]):
    def __init__(self, max_items: int) -> None:
        super().__init__()
        self.max_items = max_items

    def put(self, key: str, value: DataRecord) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.max_items:
            self.popitem(last=False)


class BasePersistenceLayer(ABC):
    def __init__(self) -> None:
        self.function_name = ""
        self.configured = False
        self.event_key_jmespath: str = ""
        self.jmespath_options: dict[str, Any] | None = None
        self.payload_validation_enabled = False
        self.validation_key_jmespath: str | None = None
        self.raise_on_no_idempotency_key = False
        self.expires_after_seconds: int = 60 * 60
        self.use_local_cache = False
        self._cache = _LRU(256)
        self.hash_function: Any = hashlib.md5
        # (payload, key, payload hash) of the last payload seen: one invocation asks for the
        # same payload's key up to three times (in progress, then success or delete).
        self._memo: tuple[Any, str | None, str] | None = None

    def configure(
        self, config: IdempotencyConfig, function_name: str | None = None, key_prefix: str | None = None
    ) -> None:
        """Take the settings of the first config (a layer serves one function); the name every time."""
        self.function_name = (
            key_prefix or f"{os.environ.get('AWS_LAMBDA_FUNCTION_NAME', 'test-func')}.{function_name or ''}"
        )
        self._memo = None
        if self.configured:
            return
        self.configured = True
        self.event_key_jmespath = config.event_key_jmespath
        self.jmespath_options = config.jmespath_options
        if config.payload_validation_jmespath:
            self.validation_key_jmespath = config.payload_validation_jmespath
            self.payload_validation_enabled = True
        self.raise_on_no_idempotency_key = config.raise_on_no_idempotency_key
        self.expires_after_seconds = config.expires_after_seconds
        self.use_local_cache = config.use_local_cache
        self._cache = _LRU(config.local_cache_max_items)
        self.hash_function = getattr(hashlib, config.hash_function)

    # --- keys and hashes ----------------------------------------------------------------

    def _query(self, data: Any, expression: str) -> Any:
        from powertools.common.jmespath import query

        return query(data, expression, self.jmespath_options)

    def _keys(self, data: Any) -> tuple[str | None, str]:
        memo = self._memo
        if memo is not None and memo[0] is data:
            return memo[1], memo[2]
        key = self._get_hashed_idempotency_key(data)
        payload_hash = self._get_hashed_payload(data) if key is not None else ""
        self._memo = (data, key, payload_hash)
        return key, payload_hash

    def _get_hashed_idempotency_key(self, data: Any) -> str | None:
        if self.event_key_jmespath:
            data = self._query(data, self.event_key_jmespath)
        if self.is_missing_idempotency_key(data):
            if self.raise_on_no_idempotency_key:
                raise IdempotencyKeyError("No data found to create a hashed idempotency_key")
            warnings.warn(
                "No idempotency key value found. Skipping persistence layer and validation operations. "
                f"jmespath: {self.event_key_jmespath}",
                stacklevel=2,
            )
            return None
        return f"{self.function_name}#{self._generate_hash(data)}"

    @staticmethod
    def is_missing_idempotency_key(data: Any) -> bool:
        if isinstance(data, dict):
            data = data.values()
        elif not isinstance(data, (tuple, list)):
            return False if isinstance(data, (int, float, bool)) else not data
        # A loop rather than all() over a generator: this runs on every call.
        for value in data:  # noqa: SIM110 (see above)
            if value is not None:
                return False
        return True

    def _get_hashed_payload(self, data: Any) -> str:
        if not self.payload_validation_enabled or self.validation_key_jmespath is None:
            return ""
        return self._generate_hash(self._query(data, self.validation_key_jmespath))

    def _generate_hash(self, data: Any) -> str:
        try:
            text = _KEY_ENCODER.encode(data)
        except (TypeError, ValueError) as exc:
            raise IdempotencyKeyError(
                f"The idempotency key data (a {type(data).__name__}) can't be serialized to JSON to hash it: {exc}"
            ) from None
        return str(self.hash_function(text.encode()).hexdigest())

    def _validate_payload(self, data_payload: Any, stored_data_record: DataRecord) -> None:
        if not self.payload_validation_enabled:
            return
        data_hash = data_payload.payload_hash if isinstance(data_payload, DataRecord) else self._keys(data_payload)[1]
        if stored_data_record.payload_hash != data_hash:
            raise IdempotencyValidationError("Payload does not match stored record for this event key")

    def _get_expiry_timestamp(self) -> int:
        return int(time.time() + self.expires_after_seconds)

    # --- the local cache ----------------------------------------------------------------

    def _save_to_cache(self, data_record: DataRecord) -> None:
        # In-progress records are never cached: another invocation may finish them any time.
        if self.use_local_cache and data_record.status != _INPROGRESS:
            self._cache.put(data_record.idempotency_key, data_record)

    def _retrieve_from_cache(self, idempotency_key: str) -> DataRecord | None:
        if not self.use_local_cache:
            return None
        record = self._cache.get(idempotency_key)
        if record is None:
            return None
        if not record.is_expired:
            return record
        logger.debug("Removing expired local cache record for idempotency key: %s", idempotency_key)
        self._delete_from_cache(idempotency_key)
        return None

    def _delete_from_cache(self, idempotency_key: str) -> None:
        if self.use_local_cache:
            self._cache.pop(idempotency_key, None)

    # --- what IdempotencyHandler calls ---------------------------------------------------

    def save_inprogress(self, data: Any, remaining_time_in_millis: int | None = None) -> None:
        key, payload_hash = self._keys(data)
        if key is None:
            return
        record = DataRecord(
            idempotency_key=key,
            status=_INPROGRESS,
            expiry_timestamp=self._get_expiry_timestamp(),
            payload_hash=payload_hash,
        )
        if remaining_time_in_millis is not None:
            # A record past this instant belongs to an invocation that timed out: the next one takes over.
            record.in_progress_expiry_timestamp = int(time.time() * 1000) + remaining_time_in_millis
        else:
            warnings.warn(
                "Couldn't determine the remaining time left. "
                "Did you call register_lambda_context on IdempotencyConfig?",
                stacklevel=2,
            )
        cached = self._retrieve_from_cache(key)
        if cached is not None:
            raise IdempotencyItemAlreadyExistsError(old_data_record=cached)
        logger.debug("Saving in progress record for idempotency key: %s", key)
        self._put_record(data_record=record)

    def save_success(self, data: Any, result: Any) -> None:
        key, payload_hash = self._keys(data)
        if key is None:
            return
        try:
            response_data = _RESPONSE_ENCODER.encode(result)
        except (TypeError, ValueError) as exc:
            raise TypeError(
                f"The function's response (a {type(result).__name__}) can't be stored as JSON: {exc}"
            ) from None
        record = DataRecord(
            idempotency_key=key,
            status=_COMPLETED,
            expiry_timestamp=self._get_expiry_timestamp(),
            response_data=response_data,
            payload_hash=payload_hash,
        )
        logger.debug("Function successfully executed. Saving record with idempotency key: %s", key)
        self._update_record(data_record=record)
        self._save_to_cache(record)

    def delete_record(self, data: Any, exception: BaseException) -> None:
        key, _ = self._keys(data)
        if key is None:
            return
        logger.debug("Function raised %s; clearing the in progress record %s", type(exception).__name__, key)
        self._delete_record(data_record=DataRecord(idempotency_key=key))
        self._delete_from_cache(key)

    def get_record(self, data: Any) -> DataRecord | None:
        key, _ = self._keys(data)
        if key is None:
            return None
        cached = self._retrieve_from_cache(key)
        if cached is not None:
            self._validate_payload(data, cached)
            return cached
        record = self._get_record(idempotency_key=key)
        self._validate_payload(data, record)
        self._save_to_cache(record)
        return record

    # --- what a store implements ---------------------------------------------------------

    @abstractmethod
    def _get_record(self, idempotency_key: str) -> DataRecord:
        """The record for the key; IdempotencyItemNotFoundError when there is none."""

    @abstractmethod
    def _put_record(self, data_record: DataRecord) -> None:
        """Write an in-progress record unless a live one exists (IdempotencyItemAlreadyExistsError)."""

    @abstractmethod
    def _update_record(self, data_record: DataRecord) -> None:
        """Overwrite the record with the completed one."""

    @abstractmethod
    def _delete_record(self, data_record: DataRecord) -> None:
        """Remove the record."""

    def describe(self) -> str:
        """Which store this is, for error messages (no credentials)."""
        return type(self).__name__
