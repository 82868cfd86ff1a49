"""``@event_source``: hand the handler a typed event instead of a dict."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any, TypeVar

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.middleware import lambda_handler_decorator
from powertools.common.typing import LambdaContext

__all__ = ["event_source"]

DataClassT = TypeVar("DataClassT", bound=DictWrapper)
OutputT = TypeVar("OutputT")


@lambda_handler_decorator
def event_source(
    handler: Callable[[Any, LambdaContext], OutputT],
    event: dict[str, Any],
    context: LambdaContext,
    data_class: type[DataClassT],
) -> OutputT:
    """Wrap the raw event in ``data_class`` before the handler sees it.

    >>> @event_source(data_class=SQSEvent)
    ... def handler(event: SQSEvent, context): ...

    An event that is already a ``data_class`` instance is passed through unchanged.
    """
    return handler(event if isinstance(event, data_class) else data_class(event), context)


class _CallableModule(types.ModuleType):
    """Lets ``powertools.data_classes.event_source(...)`` work even when the package attribute
    is this submodule (it is, if the submodule was imported before the package's name)."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return event_source(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
