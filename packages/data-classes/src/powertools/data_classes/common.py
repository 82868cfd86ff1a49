"""Base classes of the event shapes, under upstream's module name.

They live in powertools.common (the event handler and batch utility share them);
this module gathers them where upstream users import them from.
"""

from __future__ import annotations

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.events.api_gateway import (
    APIGatewayEventIdentity,
    BaseRequestContext,
    BaseRequestContextV2,
    RequestContextClientCert,
    RequestContextV2Http,
)
from powertools.common.events.proxy import BaseProxyEvent, CaseInsensitiveDict

__all__ = [
    "APIGatewayEventIdentity",
    "BaseProxyEvent",
    "BaseRequestContext",
    "BaseRequestContextV2",
    "CaseInsensitiveDict",
    "DictWrapper",
    "RequestContextClientCert",
    "RequestContextV2Http",
]
