"""``parse`` and the ``event_parser`` handler decorator."""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

from powertools.common.debug import get_debug_logger
from powertools.common.middleware import lambda_handler_decorator
from powertools.parser.adapters import validate
from powertools.parser.exceptions import InvalidEnvelopeError, InvalidModelTypeError

if TYPE_CHECKING:
    from powertools.common.typing import LambdaContext
    from powertools.parser.envelopes.base import BaseEnvelope

logger = get_debug_logger(__name__)

T = TypeVar("T")


@overload
def parse(event: Any, model: type[T]) -> T: ...


@overload
def parse(event: Any, model: type[T], envelope: type[BaseEnvelope] | BaseEnvelope) -> Any: ...


@overload
def parse(event: Any, model: Any, envelope: type[BaseEnvelope] | BaseEnvelope | None = None) -> Any: ...


def parse(event: Any, model: Any, envelope: type[BaseEnvelope] | BaseEnvelope | None = None) -> Any:
    """Validate ``event`` into ``model``, or the payload(s) ``envelope`` extracts from it.

    ``model`` is anything pydantic validates: a ``BaseModel``, a dataclass, a
    ``TypedDict``, ``list[Order]``, a (discriminated) union, or a ``TypeAdapter``.
    A ``str``/``bytes`` event is parsed as JSON. Raises pydantic's
    ``ValidationError`` (with the failing path) when the event doesn't match.
    """
    if envelope is not None:
        instance = _envelope_instance(envelope)
        if instance is not None:
            return instance.parse(data=event, model=model)
    return validate(event, model)


def _envelope_instance(envelope: Any) -> BaseEnvelope | None:
    """The envelope to apply; None for a value upstream ignores (``True``, a list, a string)."""
    from powertools.parser.envelopes.base import BaseEnvelope

    if isinstance(envelope, BaseEnvelope):
        return envelope
    if not envelope or not callable(envelope):
        # Upstream applies an envelope only when it is truthy and callable, and parses the
        # whole event otherwise; so do we, rather than fail on a value it accepts.
        logger.debug("Ignoring envelope=%r: not an envelope class", envelope)
        return None
    if isinstance(envelope, type) and issubclass(envelope, BaseEnvelope):
        return _envelope_of_class(envelope)
    raise InvalidEnvelopeError(
        f"envelope must be a BaseEnvelope subclass such as envelopes.SqsEnvelope, got {envelope!r}"
    )


@functools.lru_cache(maxsize=64)
def _envelope_of_class(envelope: type[BaseEnvelope]) -> BaseEnvelope:
    return envelope()


@lambda_handler_decorator
def event_parser(
    handler: Callable[..., Any],
    event: Any,
    context: LambdaContext,
    model: Any = None,
    envelope: type[BaseEnvelope] | BaseEnvelope | None = None,
    **kwargs: Any,
) -> Any:
    """Handler decorator: the handler receives the event already validated into ``model``.

    ``model`` defaults to the type hint of the handler's first parameter::

        @event_parser
        def handler(event: Order, context): ...

        @event_parser(model=Order, envelope=envelopes.SqsEnvelope)
        def handler(event: list[Order], context): ...
    """
    if model is None:
        model = _model_from_hint(handler)
    parsed = parse(event=event, model=model, envelope=envelope)
    logger.debug("Calling handler %s with the parsed event", getattr(handler, "__name__", handler))
    return handler(parsed, context, **kwargs)


@functools.lru_cache(maxsize=256)
def _model_from_hint(handler: Callable[..., Any]) -> Any:
    """The type hint of the handler's first parameter (the event), resolved once per handler."""
    target = handler.func if isinstance(handler, functools.partial) else handler
    try:
        first = next(iter(inspect.signature(target).parameters))
        hints = typing.get_type_hints(target, include_extras=True)
    except (StopIteration, ValueError, TypeError, NameError) as exc:
        raise InvalidModelTypeError(
            f"cannot read the event type hint of {target!r} ({exc}); pass model= to event_parser"
        ) from exc
    if first not in hints:
        raise InvalidModelTypeError(
            "The model must be provided either as the `model` argument to `event_parser` "
            f"or as the type hint of the event parameter {first!r} of {getattr(target, '__name__', target)}"
        )
    return hints[first]
