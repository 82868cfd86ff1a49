"""One idempotency record: key, status, expiry, stored response, payload hash."""

from __future__ import annotations

import json
import time
from types import MappingProxyType
from typing import Any

__all__ = ["STATUS_CONSTANTS", "DataRecord"]

STATUS_CONSTANTS = MappingProxyType({"INPROGRESS": "INPROGRESS", "COMPLETED": "COMPLETED", "EXPIRED": "EXPIRED"})
# For membership tests on the hot path (searching a mappingproxy's ``values()`` view is slow).
_STATUSES = tuple(STATUS_CONSTANTS.values())  # a tuple: compared by ==, as the view was


class DataRecord:
    """A record as stored: ``expiry_timestamp`` in epoch seconds, ``in_progress_expiry_timestamp`` in ms."""

    def __init__(
        self,
        idempotency_key: str,
        status: str = "",
        expiry_timestamp: int | None = None,
        in_progress_expiry_timestamp: int | None = None,
        response_data: str = "",
        payload_hash: str = "",
        sort_key: str | None = None,
    ) -> None:
        self.idempotency_key = idempotency_key
        self.payload_hash = payload_hash
        self.expiry_timestamp = expiry_timestamp
        self.in_progress_expiry_timestamp = in_progress_expiry_timestamp
        self._status = status
        self.response_data = response_data
        self.sort_key = sort_key

    @property
    def is_expired(self) -> bool:
        return bool(self.expiry_timestamp and int(time.time()) > self.expiry_timestamp)

    @property
    def status(self) -> str:
        """EXPIRED once past ``expiry_timestamp``, else the stored status."""
        if self.is_expired:
            return STATUS_CONSTANTS["EXPIRED"]
        if self._status in _STATUSES:
            return self._status
        from powertools.idempotency.exceptions import IdempotencyInvalidStatusError

        raise IdempotencyInvalidStatusError(self._status)

    def response_json_as_dict(self) -> Any:
        return json.loads(self.response_data) if self.response_data else None

    def get_expiration_datetime(self) -> Any:
        import datetime

        return datetime.datetime.fromtimestamp(int(self.expiry_timestamp)) if self.expiry_timestamp else None

    def __repr__(self) -> str:
        # No response data: it may hold personal data, and errors print this.
        return (
            f"DataRecord(idempotency_key={self.idempotency_key!r}, status={self._status!r}, "
            f"expiry_timestamp={self.expiry_timestamp!r}, "
            f"in_progress_expiry_timestamp={self.in_progress_expiry_timestamp!r})"
        )
