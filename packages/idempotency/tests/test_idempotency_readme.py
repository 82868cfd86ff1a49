"""Every public name the README's API table promises imports from where it says."""

from __future__ import annotations

import importlib


def test_documented_import_paths() -> None:
    paths = {
        "powertools.idempotency": [
            "idempotent",
            "idempotent_function",
            "IdempotencyConfig",
            "DynamoDBPersistenceLayer",
            "RedisCachePersistenceLayer",
            "BasePersistenceLayer",
            "DataRecord",
        ],
        "powertools.idempotency.persistence.dynamodb": ["DynamoDBPersistenceLayer"],
        "powertools.idempotency.persistence.redis": ["RedisCachePersistenceLayer", "CachePersistenceLayer"],
        "powertools.idempotency.persistence.cache": ["CachePersistenceLayer", "CacheConnection"],
        "powertools.idempotency.serialization.dataclass": ["DataclassSerializer"],
        "powertools.idempotency.serialization.pydantic": ["PydanticSerializer"],
        "powertools.idempotency.serialization.custom_dict": ["CustomDictSerializer"],
        "powertools.idempotency.exceptions": ["IdempotencyAlreadyInProgressError", "IdempotencyPersistenceLayerError"],
    }
    for module, names in paths.items():
        loaded = importlib.import_module(module)
        assert [n for n in names if not hasattr(loaded, n)] == [], module


def test_custom_dict_serializer_round_trip() -> None:
    from powertools.idempotency.serialization.custom_dict import CustomDictSerializer

    serializer = CustomDictSerializer(to_dict=lambda v: {"v": list(v)}, from_dict=lambda d: tuple(d["v"]))
    assert serializer.from_dict(serializer.to_dict((1, 2))) == (1, 2)
