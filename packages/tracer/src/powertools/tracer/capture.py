"""Recording a traced call's response and error as metadata, without ever failing the call."""

from __future__ import annotations

from powertools.common.debug import get_debug_logger

# Not typing.TYPE_CHECKING: importing `typing` adds to every cold start.
TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    from powertools.tracer.base import BaseProvider

logger = get_debug_logger(__name__)

_UNENCODABLE = (TypeError, ValueError, OverflowError, RecursionError)
# Exact types that are never read-once: the usual responses skip the attribute probes.
_PLAIN = frozenset({dict, list, tuple, str, int, float, bool, type(None)})


def _encoded(provider: BaseProvider, value: Any) -> Any:
    # A duck-typed provider (no BaseProvider subclass) gets the original object, as upstream gives it.
    encode_metadata = getattr(provider, "encode_metadata", None)
    return value if encode_metadata is None else encode_metadata(value)


def is_single_use(value: Any) -> bool:
    """Iterators and streams (e.g. botocore's StreamingBody) can be read once: recording them would empty them."""
    return hasattr(value, "__next__") or callable(getattr(value, "read", None))


def encode(provider: BaseProvider, key: str, value: Any) -> tuple[bool, Any]:
    """``(True, stored form)`` if the backend can store ``value``, else ``(False, None)`` and a debug log."""
    if type(value) not in _PLAIN and is_single_use(value):
        logger.debug("Not recording %r: %s can be read only once", key, type(value).__name__)
        return False, None
    try:
        return True, _encoded(provider, value)
    except _UNENCODABLE as exc:
        logger.debug("Not recording %r: %s", key, exc)
        return False, None


def record_metadata(provider: BaseProvider, segment: Any, key: str, value: Any, namespace: str) -> bool:
    """Put ``value`` under ``namespace``/``key`` on ``segment`` if the backend can store it."""
    if segment is None:  # X-Ray returns no subsegment when there is no segment to attach it to
        return False
    # encode() inlined: this runs on every traced call that returns something.
    if type(value) not in _PLAIN and is_single_use(value):
        logger.debug("Not recording %r: %s can be read only once", key, type(value).__name__)
        return False
    try:
        stored = _encoded(provider, value)
    except _UNENCODABLE as exc:
        logger.debug("Not recording %r: %s", key, exc)
        return False
    segment.put_metadata(key=key, value=stored, namespace=namespace)
    return True
