"""Data classes: every public property of every class, on its sample event, both flavours.

Properties are found on the UPSTREAM class with ``inspect`` and read on both wrappers;
values are compared recursively (wrappers by ``raw_event`` and then their own properties,
sequences element by element). packages/data-classes/README.md "Differences from upstream"
documents "No KeyError for absent fields" (ours reads None / an empty wrapper / an empty
list) and typed errors; those are accepted precisely, everything else must be equal.
"""

from __future__ import annotations

import base64
import binascii
import enum
import importlib
import inspect
import pkgutil
import types
from collections.abc import Iterator
from functools import cache, cached_property
from typing import Any

import pytest

from powertools_testing.events import DATA_CLASS_OF_EVENT, load_event
from tools.compat.harness import OURS, UPSTREAM, Flavour

EVENTS: dict[str, str] = DATA_CLASS_OF_EVENT
MAX_DEPTH = 8
MAX_ITEMS = 50  # elements compared per sequence


@cache
def find_class(flavour: Flavour, name: str) -> type:
    """The class from the package root, else from the (same-named) submodule defining it."""
    root = flavour.data_classes
    if hasattr(root, name):
        return getattr(root, name)  # type: ignore[no-any-return]
    for info in pkgutil.walk_packages(root.__path__, f"{root.__name__}."):
        module = importlib.import_module(info.name)
        if isinstance(getattr(module, name, None), type):
            return getattr(module, name)  # type: ignore[no-any-return]
    raise LookupError(f"{flavour.name} has no data class {name}")


def public_properties(cls: type) -> list[str]:
    return sorted(
        name
        for name, member in inspect.getmembers(cls)
        if not name.startswith("_") and isinstance(member, property | cached_property)
    )


def read(obj: Any, name: str) -> tuple[str, Any]:
    """("ok", value) or ("error", exc); generators are drained here, where their errors surface."""
    try:
        value = getattr(obj, name)
        if isinstance(value, Iterator | types.GeneratorType):
            value = list(value)[:MAX_ITEMS]
        return "ok", value
    except Exception as exc:
        return "error", exc


def is_wrapper(value: Any) -> bool:
    return hasattr(value, "raw_event") and hasattr(type(value), "raw_event")


def is_documented_absent(upstream: tuple[str, Any], ours: tuple[str, Any]) -> bool:
    """README: "No KeyError for absent fields ... every field reads as None (nested objects as
    an empty wrapper, lists as empty)"."""
    if upstream[0] != "error" or not isinstance(upstream[1], KeyError | TypeError) or ours[0] != "ok":
        return False
    value = ours[1]
    return value is None or value == [] or value == {} or (is_wrapper(value) and not value.raw_event)


# README: "Malformed input raises `InvalidEventError` naming the field (upstream lets
# `binascii.Error`, `json.JSONDecodeError`, `zlib.error` or `TypeError` escape)".
DOCUMENTED_UPSTREAM_ERRORS = ("Error", "JSONDecodeError", "error", "TypeError")


def is_invalid_event_error(exc: BaseException) -> bool:
    return any(cls.__name__ == "InvalidEventError" for cls in type(exc).__mro__)


def is_documented_typed_error(upstream: BaseException, ours: BaseException) -> bool:
    if type(ours).__name__ == "InvalidEventError" and type(upstream).__name__ in DOCUMENTED_UPSTREAM_ERRORS:
        return True
    # README "Typed errors": malformed JSON raises `InvalidJsonError`, an `InvalidEventError`
    # that is also the `json.JSONDecodeError` upstream raises (so `except` clauses keep working).
    if is_invalid_event_error(ours) and isinstance(ours, type(upstream)):
        return True
    # README "Typed errors": bytes that are not UTF-8 raise `InvalidTextError`, an
    # `InvalidEventError` that is also the builtin `UnicodeDecodeError` upstream raises.
    return (
        isinstance(upstream, UnicodeDecodeError)
        and isinstance(ours, UnicodeDecodeError)
        and (is_invalid_event_error(ours))
    )


# README: "SNS URL spellings. `signing_cert_url` / `unsubscribe_url` read both `…Url` (Lambda)
# and `…URL` (SQS delivery) spellings": upstream's KeyError there is documented.
DOCUMENTED_SNS_URLS = (".decoded_nested_sns_event.signing_cert_url", ".decoded_nested_sns_event.unsubscribe_url")


def is_documented_activemq_correlation_id(upstream: Any, ours: Any, path: str, raw: Any) -> bool:
    """README: "ActiveMQ `correlation_id` reads `correlationId`": upstream reads `correlationID`,
    a key Amazon MQ does not send, so it gives None where ours gives the event's value."""
    return (
        path.endswith(".correlation_id")
        and upstream is None
        and isinstance(raw, dict)
        and raw.get("correlationId") is not None
        and ours == raw["correlationId"]
    )


def is_documented_dynamodb_binary(upstream: Any, ours: Any, path: str) -> bool:
    """README: "DynamoDB binary values are decoded. `B` and `BS` attributes read as `bytes`
    decoded from the event's base64; upstream hands back the base64 text"."""
    if ".dynamodb." not in path:
        return False
    try:
        if isinstance(upstream, str) and isinstance(ours, bytes):
            return base64.b64decode(upstream) == ours
        if isinstance(upstream, set) and isinstance(ours, set) and all(isinstance(v, str) for v in upstream):
            return {base64.b64decode(v) for v in upstream} == ours
    except binascii.Error:  # a string set (SS), not base64: compared as plain values below
        return False
    return False


def compare(upstream: Any, ours: Any, path: str, out: list[str], depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        return
    if is_wrapper(upstream):
        if not is_wrapper(ours):
            out.append(f"{path}: upstream {type(upstream).__name__} wrapper, ours {type(ours).__name__} {ours!r:.80}")
            return
        if upstream.raw_event != ours.raw_event:
            out.append(f"{path}.raw_event: upstream {upstream.raw_event!r:.120} != ours {ours.raw_event!r:.120}")
            return
        for name in public_properties(type(upstream)):
            up, our = read(upstream, name), read(ours, name)
            where = f"{path}.{name}"
            if up[0] == our[0] == "ok":
                if is_documented_activemq_correlation_id(up[1], our[1], where, upstream.raw_event):
                    continue
                compare(up[1], our[1], where, out, depth + 1)
            elif up[0] == our[0] == "error":
                if type(up[1]).__name__ != type(our[1]).__name__ and not is_documented_typed_error(up[1], our[1]):
                    out.append(f"{where}: upstream raises {type(up[1]).__name__}, ours {type(our[1]).__name__}")
            elif not is_documented_absent(up, our) and not (
                where.endswith(DOCUMENTED_SNS_URLS) and up[0] == "error" and isinstance(up[1], KeyError)
            ):
                out.append(f"{where}: upstream {describe(up)} / ours {describe(our)}")
        return
    if isinstance(upstream, list | tuple) and isinstance(ours, list | tuple):
        if len(upstream) != len(ours):
            out.append(f"{path}: {len(upstream)} items upstream, {len(ours)} ours: {upstream!r:.100} / {ours!r:.100}")
            return
        for index, (a, b) in enumerate(zip(upstream[:MAX_ITEMS], ours[:MAX_ITEMS], strict=True)):
            compare(a, b, f"{path}[{index}]", out, depth + 1)
        return
    if isinstance(upstream, dict) and isinstance(ours, dict):
        if list(upstream) != list(ours):
            out.append(f"{path}: keys upstream {list(upstream)!r:.150} != ours {list(ours)!r:.150}")
            return
        for key in upstream:
            compare(upstream[key], ours[key], f"{path}[{key!r}]", out, depth + 1)
        return
    if isinstance(upstream, enum.Enum) and isinstance(ours, enum.Enum):
        # Each flavour has its own enum class: equal means same class name, member and value.
        if (type(upstream).__name__, upstream.name, upstream.value) != (type(ours).__name__, ours.name, ours.value):
            out.append(f"{path}: upstream {upstream!r} != ours {ours!r}")
        return
    if type(upstream).__module__.startswith("aws_lambda_powertools") and hasattr(upstream, "__dict__"):
        # A plain helper object (e.g. APIGatewayRouteArn): compare its public attributes.
        if type(ours).__name__ != type(upstream).__name__:
            out.append(f"{path}: upstream {type(upstream).__name__} != ours {type(ours).__name__}")
            return
        for name in [n for n in vars(upstream) if not n.startswith("_")]:
            compare(getattr(upstream, name), getattr(ours, name, "<absent>"), f"{path}.{name}", out, depth + 1)
        return
    if is_documented_dynamodb_binary(upstream, ours, path):
        return
    if upstream != ours or type(upstream) is not type(ours):
        out.append(f"{path}: upstream {upstream!r:.150} != ours {ours!r:.150}")


def describe(result: tuple[str, Any]) -> str:
    kind, value = result
    return f"raises {type(value).__name__}({value})" if kind == "error" else f"returns {value!r:.100}"


@pytest.mark.parametrize("event_name", sorted(EVENTS))
def test_every_property_equal(event_name: str) -> None:
    class_name = EVENTS[event_name]
    upstream = find_class(UPSTREAM, class_name)(load_event(event_name))
    ours = find_class(OURS, class_name)(load_event(event_name))
    differences: list[str] = []
    compare(upstream, ours, class_name, differences)
    assert differences == []
