"""``IdempotencyHandler``: one call of an idempotent function, from the in-progress lock to the stored result.

The steps: write an INPROGRESS record unless a live one exists (one conditional write); if it
exists, answer from it (COMPLETED), refuse (INPROGRESS and not timed out), or take over (expired);
run the function; store its response (COMPLETED) or delete the record when it raised, so a retry
runs again. Store failures become ``IdempotencyPersistenceLayerError`` naming the store.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from powertools.common.exceptions import InvalidEnvelopeExpressionError
from powertools.idempotency.exceptions import (
    IdempotencyAlreadyInProgressError,
    IdempotencyInconsistentStateError,
    IdempotencyItemAlreadyExistsError,
    IdempotencyItemNotFoundError,
    IdempotencyKeyError,
    IdempotencyKeyExpressionError,
    IdempotencyPersistenceLayerError,
    IdempotencyValidationError,
)
from powertools.idempotency.persistence.datarecord import STATUS_CONSTANTS, DataRecord
from powertools.idempotency.serialization.no_op import NoOpSerializer

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    from powertools.idempotency.config import IdempotencyConfig
    from powertools.idempotency.persistence.base import BasePersistenceLayer
    from powertools.idempotency.serialization.base import BaseIdempotencySerializer

__all__ = ["MAX_RETRIES", "IdempotencyHandler"]

MAX_RETRIES = 2
logger = logging.getLogger(__name__)


_NO_OP_SERIALIZER = NoOpSerializer()  # stateless: one instance for every handler without a serializer
_EXPIRED = STATUS_CONSTANTS["EXPIRED"]
_INPROGRESS = STATUS_CONSTANTS["INPROGRESS"]


def _prepare_data(data: Any) -> Any:
    """The payload as JSON-like data: dataclasses and models as dicts, event classes as their raw event."""
    if type(data) is dict:  # the common case; a plain dict has none of the attributes below
        return data
    if hasattr(data, "__dataclass_fields__"):
        import dataclasses

        return dataclasses.asdict(data)
    if callable(getattr(data, "model_dump", None)):
        return data.model_dump(mode="json")
    if callable(getattr(data, "dict", None)) and not isinstance(data, dict):
        return data.dict()
    return getattr(data, "raw_event", data)


class IdempotencyHandler:
    def __init__(
        self,
        function: Callable[..., Any],
        function_payload: Any,
        config: IdempotencyConfig,
        persistence_store: BasePersistenceLayer,
        output_serializer: BaseIdempotencySerializer | None = None,
        key_prefix: str | None = None,
        function_args: tuple[Any, ...] | None = None,
        function_kwargs: dict[str, Any] | None = None,
    ) -> None:
        self.function = function
        self.output_serializer = output_serializer or _NO_OP_SERIALIZER
        # No deep copy: the key and payload hash are computed from this object before the
        # function runs and reused after, so the function may change its argument.
        self.data = _prepare_data(function_payload)
        self.fn_args = function_args or ()
        self.fn_kwargs = function_kwargs or {}
        self.config = config
        self.key_prefix = key_prefix
        persistence_store.configure(
            config=config,
            function_name=f"{function.__module__}.{function.__qualname__}",
            key_prefix=key_prefix,
        )
        self.persistence_store = persistence_store

    def handle(self) -> Any:
        answered, answer = self._claim()
        if answered:
            return answer
        return self._get_function_response()

    async def handle_async(self) -> Any:
        """``handle`` for an ``async def`` function (the store calls stay synchronous)."""
        answered, answer = self._claim()
        if answered:
            return answer
        try:
            response = await self.function(*self.fn_args, **self.fn_kwargs)
        except Exception as handler_exception:
            self._forget(handler_exception)
            raise
        self._save(response)
        return response

    def _claim(self) -> tuple[bool, Any]:
        """(True, answer) when the store answers this call; (False, None) once it is ours to run."""
        for attempt in range(MAX_RETRIES + 1):
            try:
                return self._claim_once()
            except IdempotencyInconsistentStateError:
                if attempt == MAX_RETRIES:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _claim_once(self) -> tuple[bool, Any]:
        try:
            self.persistence_store.save_inprogress(data=self.data, remaining_time_in_millis=self._remaining_time())
        except (IdempotencyKeyError, IdempotencyValidationError):
            raise
        except InvalidEnvelopeExpressionError as exc:
            raise IdempotencyKeyExpressionError("An idempotency expression failed on the payload", str(exc)) from exc
        except IdempotencyItemAlreadyExistsError as exc:
            record = exc.old_data_record or self._get_idempotency_record()
            if record is not None:
                return True, self._handle_for_status(record)
        except Exception as exc:
            raise self._store_error("save in progress record to", exc) from exc
        return False, None

    def _store_error(self, action: str, exc: BaseException) -> IdempotencyPersistenceLayerError:
        return IdempotencyPersistenceLayerError(
            f"Failed to {action} idempotency store", f"{self.persistence_store.describe()}: {type(exc).__name__}: {exc}"
        )

    def _remaining_time(self) -> int | None:
        context = self.config.lambda_context
        return context.get_remaining_time_in_millis() if context is not None else None

    def _get_idempotency_record(self) -> DataRecord | None:
        try:
            return self.persistence_store.get_record(data=self.data)
        except IdempotencyItemNotFoundError:
            # Deleted between our write and our read (the other invocation failed): try again.
            raise IdempotencyInconsistentStateError(
                "save_inprogress and get_record return inconsistent results."
            ) from None
        except IdempotencyValidationError:
            raise
        except Exception as exc:
            raise self._store_error("get record from", exc) from exc

    def _handle_for_status(self, data_record: DataRecord) -> Any:
        status = data_record.status
        if status == _EXPIRED:
            raise IdempotencyInconsistentStateError("save_inprogress and get_record return inconsistent results.")
        if status == _INPROGRESS:
            deadline = data_record.in_progress_expiry_timestamp
            if deadline is not None and int(deadline) < int(time.time() * 1000):
                raise IdempotencyInconsistentStateError(
                    "item should have been expired in-progress because it already time-outed."
                )
            message = (
                "Execution already in progress with idempotency key: "
                f"{self.persistence_store.event_key_jmespath}={data_record.idempotency_key}"
            )
            if data_record.sort_key is not None:
                message += f" and sort key: {data_record.sort_key}"
            raise IdempotencyAlreadyInProgressError(message)
        stored = data_record.response_json_as_dict()
        response = self.output_serializer.from_dict(stored) if stored is not None else None
        if self.config.response_hook is not None:
            return self.config.response_hook(response, data_record)
        return response

    def _get_function_response(self) -> Any:
        try:
            response = self.function(*self.fn_args, **self.fn_kwargs)
        except Exception as handler_exception:
            self._forget(handler_exception)
            raise
        self._save(response)
        return response

    def _forget(self, handler_exception: Exception) -> None:
        """The function raised: remove the in-progress record so a retry runs it again."""
        try:
            self.persistence_store.delete_record(data=self.data, exception=handler_exception)
        except Exception as delete_exception:
            raise self._store_error("delete record from", delete_exception) from delete_exception

    def _save(self, response: Any) -> None:
        try:
            serialized = self.output_serializer.to_dict(response) if response is not None else None
            self.persistence_store.save_success(data=self.data, result=serialized)
        except Exception as save_exception:
            raise self._store_error("update record state to success in", save_exception) from save_exception
