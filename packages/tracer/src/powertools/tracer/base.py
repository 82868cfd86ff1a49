"""The provider interface: what Tracer needs from a tracing backend.

The abstract methods carry upstream's names and signatures, so a provider written
for upstream's ``BaseProvider`` works here. ``encode_metadata`` is ours: it turns a
value into what the backend will store, so that Tracer can skip (not crash on) a
response the backend could never serialize.
"""

from __future__ import annotations

import abc

# Not typing.TYPE_CHECKING: importing `typing` adds to every cold start. So do `numbers`,
# `contextlib` and `json`, which only annotations and metadata encoding need.
TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    import numbers
    import traceback
    from collections.abc import Callable, Sequence
    from contextlib import AbstractAsyncContextManager, AbstractContextManager
    from typing import Any, Union

    AnnotationValue = Union[str, numbers.Number, bool]
else:

    def __getattr__(name: str) -> object:
        # AnnotationValue stays importable at runtime (a custom provider may use it), built on first use.
        if name == "AnnotationValue":
            import numbers
            from typing import Union

            value = globals()[name] = Union[str, numbers.Number, bool]
            return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# One UDP datagram carries a whole subsegment document (at most 64 KiB). A bigger
# value would make the X-Ray SDK drop the subsegment, so we drop only the value.
MAX_METADATA_BYTES = 48 * 1024


class MetadataTooLargeError(ValueError):
    """Raised by ``encode_metadata`` when the encoded value exceeds MAX_METADATA_BYTES."""

    def __init__(self, size: int, *, exact: bool = True) -> None:
        self.size = size  # with exact=False, a lower bound: encoding stopped once past the limit
        amount = f"{size} bytes" if exact else f"more than {size} bytes"
        super().__init__(f"metadata value is {amount} encoded; the limit is {MAX_METADATA_BYTES}")


class BaseSegment(abc.ABC):
    """A (sub)segment or span being recorded."""

    @abc.abstractmethod
    def close(self, end_time: int | None = None) -> None:
        """End the entity (now, or at ``end_time`` in epoch seconds)."""

    @abc.abstractmethod
    def add_subsegment(self, subsegment: Any) -> None:
        """Attach a child."""

    @abc.abstractmethod
    def remove_subsegment(self, subsegment: Any) -> None:
        """Detach a child."""

    @abc.abstractmethod
    def put_annotation(self, key: str, value: AnnotationValue) -> None:
        """Add an indexed key-value pair."""

    @abc.abstractmethod
    def put_metadata(self, key: str, value: Any, namespace: str = "default") -> None:
        """Add a non-indexed value under ``namespace``."""

    @abc.abstractmethod
    def add_exception(
        self, exception: BaseException, stack: list[traceback.FrameSummary], remote: bool = False
    ) -> None:
        """Record an exception as the entity's cause."""


class BaseProvider(abc.ABC):
    """A tracing backend: X-Ray (default) or OpenTelemetry, or your own."""

    @abc.abstractmethod
    def in_subsegment(self, name: str | None = None, **kwargs: Any) -> AbstractContextManager[Any]:
        """A context manager that records its block as a child of the current entity."""

    @abc.abstractmethod
    def in_subsegment_async(self, name: str | None = None, **kwargs: Any) -> AbstractAsyncContextManager[Any]:
        """The ``async with`` form of ``in_subsegment``."""

    @abc.abstractmethod
    def put_annotation(self, key: str, value: AnnotationValue) -> None:
        """Annotate the current entity."""

    @abc.abstractmethod
    def put_metadata(self, key: str, value: Any, namespace: str = "default") -> None:
        """Add metadata to the current entity."""

    @abc.abstractmethod
    def patch(self, modules: Sequence[str]) -> None:
        """Instrument the named libraries."""

    @abc.abstractmethod
    def patch_all(self) -> None:
        """Instrument every library the backend supports."""

    def encode_metadata(self, value: Any) -> Any:
        """The value as it will be stored; raises TypeError/ValueError if it can't be.

        The default passes the original object (a response, an exception), as upstream gives a
        custom provider; the X-Ray and OpenTelemetry providers override it for their formats.
        """
        return value


def json_text(value: Any) -> str:
    """Compact JSON text made with the powertools Encoder, bounded by MAX_METADATA_BYTES."""
    text = (_encode_json or _json_encoder())(value)
    if len(text) > MAX_METADATA_BYTES:
        raise MetadataTooLargeError(len(text))
    return text


# json.dumps(value, cls=Encoder, separators=(",", ":")) builds this same encoder on every call.
_encode_json: Callable[[Any], str] | None = None


def _json_encoder() -> Callable[[Any], str]:
    # On the first value encoded, not at import: `json` (and the Encoder's base64) would add to
    # every cold start, and neither a disabled tracer nor the X-Ray provider ever calls json_text.
    global _encode_json
    from powertools.common.encoder import Encoder

    _encode_json = Encoder(separators=(",", ":")).encode
    return _encode_json
