"""Checks on what users record, so nothing is silently dropped by the backend."""

from __future__ import annotations

from powertools.tracer.exceptions import InvalidAnnotationError, InvalidMetadataError

# Not typing.TYPE_CHECKING, and no `re`/`string` below: each import adds to every cold start.
TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

# X-Ray rejects these in segment names; upstream strips them too (`<locals>` -> `locals`).
_INVALID_NAME_CHARACTERS = "?;*()!$~^<>"
_STRIP_INVALID_NAME_CHARACTERS = str.maketrans("", "", _INVALID_NAME_CHARACTERS)
# ASCII letters, digits and the underscore, spelled out (string.ascii_letters costs an import).
_ANNOTATION_KEY_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
MAX_NAME_LENGTH = 200  # X-Ray's limit for segment and subsegment names


def subsegment_name(name: str) -> str:
    """A name X-Ray accepts: without its forbidden characters, at most 200 characters."""
    return name.translate(_STRIP_INVALID_NAME_CHARACTERS)[:MAX_NAME_LENGTH]


def check_annotation(key: Any, value: Any) -> None:
    if not isinstance(key, str) or not key:
        raise InvalidAnnotationError(key, value, "the key must be a non-empty string")
    if not _ANNOTATION_KEY_CHARACTERS.issuperset(key):
        raise InvalidAnnotationError(key, value, "the key may hold only ASCII letters, digits and underscores")
    if not isinstance(value, (str, int, float, bool)):
        raise InvalidAnnotationError(
            key, value, f"the value must be str, int, float or bool, not {type(value).__name__}"
        )


def check_namespace(namespace: Any) -> None:
    if not isinstance(namespace, str):
        raise InvalidMetadataError(namespace, "the namespace must be a string")
    if namespace.startswith("AWS."):
        raise InvalidMetadataError(namespace, "the 'AWS.' prefix is reserved by X-Ray")
