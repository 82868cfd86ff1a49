"""Upstream's ``persistence.cache`` names for the Redis layer."""

from powertools.idempotency.persistence.redis import CacheClientProtocol, CacheConnection, CachePersistenceLayer

__all__ = ["CacheClientProtocol", "CacheConnection", "CachePersistenceLayer"]
