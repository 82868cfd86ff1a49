import os
from typing import Any, cast

import redis

from powertools.common.typing import LambdaContext
from powertools.parameters import BaseProvider


class RedisProvider(BaseProvider):
    """Settings kept in Redis: one key per setting, grouped under a path like "orders/"."""

    def __init__(self, client: redis.Redis) -> None:
        super().__init__()
        self.redis = client

    def _get(self, name: str, **options: Any) -> str:
        value = self.redis.get(name)
        if value is None:
            raise KeyError(name)
        return str(value)

    def _get_multiple(self, path: str, **options: Any) -> dict[str, str]:
        prefix = path.rstrip("/") + "/"
        keys = list(self.redis.scan_iter(match=prefix + "*"))
        if not keys:
            return {}
        values = self.redis.mget(keys)
        return {str(key).removeprefix(prefix): str(value) for key, value in zip(keys, values, strict=True)}


settings = RedisProvider(redis.Redis.from_url(os.environ["SETTINGS_REDIS_URL"], decode_responses=True))


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    db: dict[str, Any] = cast(dict, settings.get("orders/db", transform="json", max_age=60))  # cached, parsed
    tuning = settings.get_multiple("orders/tuning")
    return {"db_host": db["host"], "tuning": tuning}
