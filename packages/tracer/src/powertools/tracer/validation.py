"""Checks on what users record, so nothing is silently dropped by the backend."""

from __future__ import annotations

import re
import string
from typing import Any

from powertools.tracer.exceptions import InvalidAnnotationError, InvalidMetadataError

# X-Ray rejects these in segment names; upstream strips them too (`<locals>` -> `locals`).
_INVALID_NAME_CHARACTERS = re.compile(r"[?;*()!$~^<>]")
_ANNOTATION_KEY_CHARACTERS = frozenset(string.ascii_letters + string.digits + "_")
MAX_NAME_LENGTH = 200  # X-Ray's limit for segment and subsegment names


def subsegment_name(name: str) -> str:
    """A name X-Ray accepts: without its forbidden characters, at most 200 characters."""
    return _INVALID_NAME_CHARACTERS.sub("", name)[:MAX_NAME_LENGTH]


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
