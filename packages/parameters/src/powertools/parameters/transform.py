"""The ``json``, ``binary`` and ``auto`` transforms applied to values after they are read."""

from __future__ import annotations

from powertools.parameters._safety import describe
from powertools.parameters.constants import TRANSFORM_METHOD_AUTO, TRANSFORM_METHOD_BINARY, TRANSFORM_METHOD_JSON
from powertools.parameters.exceptions import TransformParameterError

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable
    from typing import Any

    from powertools.parameters.types import TransformOptions

_TRANSFORMS = (None, TRANSFORM_METHOD_JSON, TRANSFORM_METHOD_BINARY, TRANSFORM_METHOD_AUTO)


def check_transform(transform: object) -> None:
    """Reject an unknown transform before anything is fetched."""
    if transform not in _TRANSFORMS:
        raise TransformParameterError(
            f"Invalid transform type {transform!r}: expected 'json', 'binary', 'auto' or None"
        )


def _identity(value: Any) -> Any:
    return value


def _json(value: str) -> Any:
    import json

    return json.loads(value)


def _binary(value: str) -> bytes:
    import base64

    return base64.b64decode(value)


_METHODS: dict[str | None, Callable[[Any], Any]] = {
    TRANSFORM_METHOD_JSON: _json,
    TRANSFORM_METHOD_BINARY: _binary,
    None: _identity,
}


def get_transform_method(value: str, transform: TransformOptions = None) -> Callable[[Any], Any]:
    """The function ``transform`` stands for; ``auto`` picks it from ``value``'s ``.json`` / ``.binary`` suffix."""
    if transform == TRANSFORM_METHOD_AUTO:
        suffix = value.rsplit(".", maxsplit=1)[-1] if "." in value else None
        return _METHODS.get(suffix, _identity)
    check_transform(transform)
    return _METHODS[transform]


def transform_value(
    value: Any,
    transform: TransformOptions,
    raise_on_transform_error: bool = True,
    key: str = "",
) -> Any:
    """Transform one value, or each value of a ``{name: value}`` dict (named ``key`` in errors).

    A failed transform raises :class:`TransformParameterError` naming the value's key, or
    gives ``None`` for that value when ``raise_on_transform_error`` is false.
    """
    check_transform(transform)
    if isinstance(value, dict):
        # Each value on its own: one bad value must not hide the others.
        return {
            name: _apply(item, get_transform_method(name, transform), transform, raise_on_transform_error, name)
            for name, item in value.items()
        }
    method = get_transform_method(key, transform) if transform == TRANSFORM_METHOD_AUTO else _METHODS[transform]
    # Like upstream, a single bytes value (AppConfig, a binary secret) is text from here on.
    return _apply(value, method, transform, raise_on_transform_error, key, decode=True)


def _apply(
    value: Any,
    method: Callable[[Any], Any],
    transform: TransformOptions,
    raise_: bool,
    key: str,
    decode: bool = False,
) -> Any:
    try:
        if decode and isinstance(value, (bytes, bytearray)):
            value = bytes(value).decode("utf-8")
        return method(value)
    except Exception as exc:
        if not raise_:
            return None
        subject = f" of '{key}'" if key else ""
        reason = describe(exc, value)
        error = TransformParameterError(
            f"Unable to transform value{subject} using '{transform}' transform: {reason}", name=key or None
        )
        # The original error stays attached unless its own text had to be cleaned.
        raise error from (exc if reason == str(exc) else None)
