"""Event bytes read as UTF-8 text, with an error both upstream's and ours can catch."""

from __future__ import annotations

from powertools.common.exceptions import InvalidEventError

__all__ = ["InvalidTextError", "decode_utf8"]


class InvalidTextError(InvalidEventError, UnicodeDecodeError):
    """A field's (base64-decoded) bytes are not UTF-8 text.

    It is an ``InvalidEventError`` naming the field, and also the ``UnicodeDecodeError``
    upstream lets escape there, so ``except UnicodeDecodeError`` (and ``except ValueError``)
    written for upstream keeps working.
    """

    def __init__(self, message: str, *, field: str, cause: UnicodeDecodeError) -> None:
        UnicodeDecodeError.__init__(self, cause.encoding, cause.object, cause.start, cause.end, cause.reason)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        cause = UnicodeDecodeError(self.encoding, self.object, self.start, self.end, self.reason)
        return (_rebuild, (self.message, self.field, cause))


def _rebuild(message: str, field: str, cause: UnicodeDecodeError) -> InvalidTextError:
    return InvalidTextError(message, field=field, cause=cause)


def decode_utf8(raw: bytes, *, field: str, message: str | None = None) -> str:
    """``raw`` as UTF-8 text; ``InvalidTextError`` naming ``field`` when it is not."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidTextError(message or f"{field} is not UTF-8 text: {exc}", field=field, cause=exc) from None
