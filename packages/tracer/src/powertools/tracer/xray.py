"""The default provider: the AWS X-Ray SDK's global recorder.

Imported only when tracing is on (or the escape hatch is used): the SDK costs
about 180 ms to import. The global recorder is the one the SDK's library patches
(botocore, requests, httpx, ...) record into, so Tracer shares it.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring_ascii as _json_string  # the (C) string encoder json.dumps uses

from powertools.common.debug import get_debug_logger
from powertools.tracer.base import MAX_METADATA_BYTES, BaseProvider, MetadataTooLargeError

# Not typing.TYPE_CHECKING: importing `typing` adds to every cold start.
TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Sequence
    from contextlib import AbstractAsyncContextManager, AbstractContextManager
    from typing import Any

    from powertools.tracer.base import AnnotationValue

logger = get_debug_logger(__name__)


class XRayProvider(BaseProvider):
    """Wraps an X-Ray recorder; any recorder attribute is reachable through it.

    ``tracer.provider.in_subsegment(...)``, ``.capture(...)``, ``.current_subsegment()``
    and every other ``xray_recorder`` method work as they do upstream.
    """

    def __init__(self, recorder: Any = None) -> None:
        if recorder is None:
            from aws_xray_sdk.core import xray_recorder

            recorder = xray_recorder
        self.recorder = recorder

    def __getattr__(self, name: str) -> Any:
        # Only reached for names this class lacks: the escape hatch to the recorder.
        if name == "recorder":  # not set yet (copy/pickle protocols probe before __init__)
            raise AttributeError(name)
        return getattr(self.recorder, name)

    def in_subsegment(self, name: str | None = None, **kwargs: Any) -> AbstractContextManager[Any]:
        return self.recorder.in_subsegment(name=name, **kwargs)

    def in_subsegment_async(self, name: str | None = None, **kwargs: Any) -> AbstractAsyncContextManager[Any]:
        return self.recorder.in_subsegment_async(name=name, **kwargs)

    def put_annotation(self, key: str, value: AnnotationValue) -> None:
        self.recorder.put_annotation(key=key, value=value)

    def put_metadata(self, key: str, value: Any, namespace: str = "default") -> None:
        self.recorder.put_metadata(key=key, value=value, namespace=namespace)

    def patch(self, modules: Sequence[str]) -> None:
        from aws_xray_sdk.core import patch

        patch(tuple(modules))

    def patch_all(self) -> None:
        from aws_xray_sdk.core import patch_all

        patch_all()

    def encode_metadata(self, value: Any) -> Any:
        """The value as the SDK will serialize it, checked now instead of at send time.

        A value that fails there costs the whole subsegment; one that fails here is
        skipped alone. The stored value is a copy, so later mutation of the original
        doesn't change what was recorded.
        """
        # Fast path for the usual response (dicts, lists, strings, numbers): copy it while
        # adding up an upper bound of the bytes json.dumps will give it; only if that passes
        # the limit, walk again counting exactly, stopping once past it. The copy is what
        # metadata_to_dict would make, so nothing is encoded twice.
        try:
            try:
                copy, size = _native_copy(value, MAX_METADATA_BYTES, 0, False)
            except _OverBudget:
                copy, size = _native_copy(value, MAX_METADATA_BYTES, 0, True)
        except _OverBudget:
            raise MetadataTooLargeError(MAX_METADATA_BYTES, exact=False) from None
        except _NotNative:
            pass  # something metadata_to_dict converts: take the SDK's own path below
        else:
            if size > MAX_METADATA_BYTES:
                raise MetadataTooLargeError(size)  # a lone string: its size is exact
            return copy

        from aws_xray_sdk.core.utils.conversion import metadata_to_dict

        converted = metadata_to_dict(value)
        size = len(json.dumps(converted, default=str))  # the SDK's own encoding; ASCII, so len == bytes
        if size > MAX_METADATA_BYTES:
            raise MetadataTooLargeError(size)
        return converted

    def configure_for_lambda(self) -> None:
        """Send each subsegment as it ends, so an invocation's trace isn't lost to a freeze or timeout."""
        # Kept at 0, as upstream does: Lambda's facade segment never closes, so a higher threshold
        # would hold finished subsegments in memory until 30 pile up, and a frozen or timed-out
        # invocation would never send them. The SDK's own Lambda recorder already starts at 0;
        # this covers a recorder passed as provider=. It is set once, not per call: the per-call
        # cost is the one datagram per subsegment that upstream and the bare SDK send too.
        self.recorder.configure(streaming_threshold=0)

    def disable(self) -> None:
        """Turn the SDK into a no-op, so escape-hatch calls are silent outside Lambda."""
        from aws_xray_sdk import global_sdk_config

        logger.debug("Disabling the X-Ray SDK")
        global_sdk_config.set_sdk_enabled(False)

    def ignore_endpoint(self, hostname: str | None = None, urls: list[str] | None = None) -> None:
        from aws_xray_sdk.ext.httplib import add_ignored

        add_ignored(hostname=hostname, urls=urls)


# --- the fast path of encode_metadata ---------------------------------------------------

_MAX_DEPTH = 32  # deeper (or self-containing) values take the SDK's path, which handles them
_INFINITY = float("inf")


class _NotNative(Exception):
    """The value holds something metadata_to_dict would convert (an object, a set, a non-str key...)."""


class _OverBudget(Exception):
    """The encoding is already past MAX_METADATA_BYTES: no need to look at the rest."""


def _scalar_size(value: Any) -> int:
    """Bytes json.dumps gives an int, float, bool or None; -1 for anything else.

    Exact types only: a subclass (an IntEnum, a str Enum) is converted by metadata_to_dict.
    """
    kind = type(value)
    if kind is int:
        return len(int.__repr__(value))  # ValueError past 4300 digits, as json.dumps raises
    if kind is float:
        if value != value:
            return 3  # NaN
        if value == _INFINITY or value == -_INFINITY:
            return 8 if value > 0 else 9  # Infinity, -Infinity
        return len(float.__repr__(value))
    if kind is bool:
        return 4 if value else 5
    if value is None:
        return 4
    return -1


_SHORT = 64  # strings up to this long count as 12 bytes a character (a surrogate pair's escape) + 2


def _native_copy(value: Any, budget: int, depth: int, exact: bool) -> tuple[Any, int]:
    """A copy of a JSON-native value as metadata_to_dict makes it, and its json.dumps length.

    Without ``exact``, short strings inside containers count at their worst-case escaped
    length (no encoding), so the length is an upper bound. Raises _NotNative for anything
    else and _OverBudget once the length passes ``budget``. With json.dumps's default
    separators (", " and ": "), a non-empty container is the sum of its items plus 2 bytes
    each (item + separator, or the last one + brackets).
    """
    kind = type(value)
    if kind is str:
        return value, len(_json_string(value))
    if kind is dict:
        if depth >= _MAX_DEPTH:
            raise _NotNative
        copied: dict[str, Any] = {}
        size = 0
        for key, item in value.items():
            if type(key) is not str:
                raise _NotNative  # json.dumps rejects some keys and converts others: let the SDK path decide
            if type(item) is str:
                n = len(item)
                n = len(_json_string(item)) if exact or n > _SHORT else 12 * n + 2
            else:
                n = _scalar_size(item)
                if n < 0:
                    item, n = _native_copy(item, budget - size, depth + 1, exact)
            copied[key] = item
            k = len(key)
            size += (len(_json_string(key)) if exact or k > _SHORT else 12 * k + 2) + n + 4  # "key": item,
            if size > budget:
                raise _OverBudget
        return copied, size or 2
    if kind is list or kind is tuple:
        if depth >= _MAX_DEPTH:
            raise _NotNative
        items: list[Any] = []
        size = 0
        for item in value:
            if type(item) is str:
                n = len(item)
                n = len(_json_string(item)) if exact or n > _SHORT else 12 * n + 2
            else:
                n = _scalar_size(item)
                if n < 0:
                    item, n = _native_copy(item, budget - size, depth + 1, exact)
            items.append(item)
            size += n + 2
            if size > budget:
                raise _OverBudget
        return items, size or 2
    n = _scalar_size(value)
    if n < 0:
        raise _NotNative
    return value, n


def is_xray_recorder(candidate: Any) -> bool:
    """An X-Ray SDK recorder object (passed as ``provider=`` the way upstream allows)."""
    return type(candidate).__module__.startswith("aws_xray_sdk") and hasattr(candidate, "begin_subsegment")
