"""Idempotency errors, with upstream's names (``utilities.idempotency.exceptions``)."""

from __future__ import annotations

from powertools.common.exceptions import PowertoolsError

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from powertools.idempotency.persistence.datarecord import DataRecord

__all__ = [
    "BaseError",
    "IdempotencyAlreadyInProgressError",
    "IdempotencyInconsistentStateError",
    "IdempotencyInvalidStatusError",
    "IdempotencyItemAlreadyExistsError",
    "IdempotencyItemNotFoundError",
    "IdempotencyKeyError",
    "IdempotencyKeyExpressionError",
    "IdempotencyModelTypeError",
    "IdempotencyNoSerializationModelError",
    "IdempotencyPersistenceConfigError",
    "IdempotencyPersistenceConnectionError",
    "IdempotencyPersistenceConsistencyError",
    "IdempotencyPersistenceLayerError",
    "IdempotencyValidationError",
]


class BaseError(PowertoolsError):
    """``BaseError(message, *details)``: ``str()`` is ``"message - (details)"`` when details are given."""

    def __init__(self, *args: str | BaseException | None) -> None:
        super().__init__(*args)
        self.message = str(args[0]) if args else ""
        self.details = "".join(str(arg) for arg in args[1:]) if args[1:] else None

    def __str__(self) -> str:
        if self.message and self.details:
            return f"{self.message} - ({self.details})"
        return self.message


class IdempotencyItemAlreadyExistsError(BaseError):
    """A record for this key exists (raised by persistence layers; ``old_data_record`` when known)."""

    def __init__(self, *args: str | BaseException | None, old_data_record: DataRecord | None = None) -> None:
        self.old_data_record = old_data_record
        super().__init__(*args)

    def __str__(self) -> str:
        found = f" from [{self.old_data_record}]" if self.old_data_record else ""
        return f"{super().__str__()}{found}"


class IdempotencyItemNotFoundError(BaseError):
    """No record for this key (raised by ``_get_record``)."""


class IdempotencyAlreadyInProgressError(BaseError):
    """Another invocation with the same key is running; retry later."""


class IdempotencyInvalidStatusError(BaseError):
    """A stored record has a status other than INPROGRESS, COMPLETED or EXPIRED."""


class IdempotencyValidationError(BaseError):
    """The payload differs from the one stored for this key (``payload_validation_jmespath``)."""


class IdempotencyInconsistentStateError(BaseError):
    """The store changed between two reads; the operation is retried, then this is raised."""


class IdempotencyPersistenceLayerError(BaseError):
    """The store failed (unreachable, throttled, misconfigured); the message names the store."""


class IdempotencyKeyError(BaseError):
    """No idempotency key in the payload (with ``raise_on_no_idempotency_key``), or one that can't be hashed."""


class IdempotencyKeyExpressionError(IdempotencyKeyError, IdempotencyPersistenceLayerError):
    """``event_key_jmespath`` or ``payload_validation_jmespath`` failed on the payload (not the store).

    Also an ``IdempotencyPersistenceLayerError``, which upstream raises here, so existing handlers match.
    """


class IdempotencyModelTypeError(BaseError):
    """The return annotation given to a model serializer is not a model of its kind."""


class IdempotencyNoSerializationModelError(BaseError):
    """A model serializer found no return annotation to build the model from."""


class IdempotencyPersistenceConfigError(BaseError):
    """The persistence layer's settings are invalid (e.g. an unknown Redis mode)."""


class IdempotencyPersistenceConnectionError(BaseError):
    """The persistence layer could not connect to its store."""


class IdempotencyPersistenceConsistencyError(BaseError):
    """A stored record is unreadable or orphaned (Redis); it is taken over under a lock."""
