from powertools.common.typing import LambdaContext
from powertools.validation import schema_cache_info, set_schema_cache_size, validate

set_schema_cache_size(256)  # default 128; 0 disables caching

PING = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    validate(event, PING)  # compiled on the first call only
    print(schema_cache_info())  # SchemaCacheInfo(hits=..., misses=..., evictions=..., size=..., maxsize=256)
    return {"id": event["id"]}
