"""Exactly-once effects for Lambda handlers and functions (upstream: aws_lambda_powertools.utilities.idempotency).

    from powertools.idempotency import DynamoDBPersistenceLayer, idempotent

    store = DynamoDBPersistenceLayer(table_name="idempotency")

    @idempotent(persistence_store=store)
    def handler(event, context): ...

Importing this package loads neither boto3 nor redis nor jmespath: each loads on first use.
"""

from __future__ import annotations

from powertools.common.lazy import lazy_exports

# Not typing.TYPE_CHECKING: importing `typing` would add to every cold start.
TYPE_CHECKING = False

__version__ = "0.1.2"

_EXPORTS = {
    "BasePersistenceLayer": ".persistence.base",
    "DataRecord": ".persistence.datarecord",
    "DynamoDBPersistenceLayer": ".persistence.dynamodb",
    "IdempotencyConfig": ".config",
    "IdempotentHookFunction": ".hook",
    "RedisCachePersistenceLayer": ".persistence.redis",
    "idempotent": ".idempotency",
    "idempotent_function": ".idempotency",
}

__all__ = [*sorted(_EXPORTS), "__version__"]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from powertools.idempotency.config import IdempotencyConfig
    from powertools.idempotency.hook import IdempotentHookFunction
    from powertools.idempotency.idempotency import idempotent, idempotent_function
    from powertools.idempotency.persistence.base import BasePersistenceLayer
    from powertools.idempotency.persistence.datarecord import DataRecord
    from powertools.idempotency.persistence.dynamodb import DynamoDBPersistenceLayer
    from powertools.idempotency.persistence.redis import RedisCachePersistenceLayer
