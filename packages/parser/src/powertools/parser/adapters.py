"""One pydantic ``TypeAdapter`` per model type, built on first use and kept.

Building an adapter compiles a validator (milliseconds); validating with it
is microseconds. Lambda reuses the process across invocations, so the cache
turns every call after the first into pure validation.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from powertools.common.debug import get_debug_logger
from powertools.parser.exceptions import InvalidModelTypeError

if TYPE_CHECKING:
    from pydantic import TypeAdapter

logger = get_debug_logger(__name__)

MAX_CACHED_ADAPTERS = 1024

# key -> (model, adapter). Keeping ``model`` alive matters for unhashable models,
# which are keyed by id(): a live object's id cannot be reused by another one.
_adapters: OrderedDict[Any, tuple[Any, TypeAdapter[Any]]] = OrderedDict()
_lock = threading.Lock()


def _cache_key(model: Any) -> Any:
    try:
        hash(model)
    except TypeError:
        return ("id", id(model))
    return ("type", model)


def get_adapter(model: Any) -> TypeAdapter[Any]:
    """The cached ``TypeAdapter`` for ``model`` (a ``TypeAdapter`` is used as given)."""
    key = _cache_key(model)
    cached = _adapters.get(key)
    if cached is not None:
        return cached[1]

    from pydantic import PydanticSchemaGenerationError, PydanticUserError, TypeAdapter

    if isinstance(model, TypeAdapter):
        adapter: TypeAdapter[Any] = model
    else:
        try:
            adapter = TypeAdapter(model)
        except (PydanticSchemaGenerationError, PydanticUserError, TypeError) as exc:
            raise InvalidModelTypeError(f"pydantic cannot validate events into {model!r}: {exc}") from exc
    with _lock:
        _adapters[key] = (model, adapter)
        while len(_adapters) > MAX_CACHED_ADAPTERS:
            _adapters.popitem(last=False)
    return adapter


def validate(data: Any, model: Any) -> Any:
    """Validate ``data`` into ``model``: strings and bytes are parsed as JSON first.

    The exception is ``model=str``: text stays text (a log line, a plain SQS body),
    as upstream's documentation promises.
    """
    adapter = get_adapter(model)
    if isinstance(data, (str, bytes, bytearray)) and model is not str:
        try:
            return adapter.validate_json(data)
        except NotImplementedError:
            # A few core schemas (e.g. some callables/custom types) only validate Python input.
            logger.debug("Model %r has no JSON validator; parsing JSON in Python", model)
            return adapter.validate_python(_loads(data))
    return adapter.validate_python(data)


def _loads(data: str | bytes | bytearray) -> Any:
    try:
        return json.loads(data)
    except ValueError as exc:
        # Callers expect a ValidationError for malformed JSON, never a JSONDecodeError.
        from pydantic import ValidationError

        raise ValidationError.from_exception_data(
            "json", [{"type": "json_invalid", "loc": (), "input": data, "ctx": {"error": str(exc)}}]
        ) from None
