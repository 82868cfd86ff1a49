"""Application Load Balancer target-group event."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from powertools.common.dict_wrapper import DictWrapper, JsonDeserializer
from powertools.common.events.proxy import (
    MULTI_VALUE_HEADERS,
    SINGLE_VALUE_HEADERS,
    BaseHeadersSerializer,
    BaseProxyEvent,
    CaseInsensitiveDict,
)

__all__ = ["ALBEvent", "ALBEventRequestContext"]


class ALBEventRequestContext(DictWrapper):
    @property
    def elb_target_group_arn(self) -> str:
        return self._section("elb").get("targetGroupArn", "")


class ALBEvent(BaseProxyEvent):
    """A request an ALB forwarded to a Lambda target.

    ALB passes query strings through still URL-encoded; set ``decode_query_parameters``
    to have ``resolved_query_string_parameters`` decode them.
    """

    __slots__ = ("decode_query_parameters",)

    def __init__(self, data: Any, json_deserializer: JsonDeserializer | None = None) -> None:
        super().__init__(data, json_deserializer)
        self.decode_query_parameters = False

    @property
    def request_context(self) -> ALBEventRequestContext:
        return ALBEventRequestContext(self._require("requestContext"))

    @property
    def multi_value_headers(self) -> dict[str, list[str]]:
        return self._cached("multi_value_headers", lambda: CaseInsensitiveDict(self._section("multiValueHeaders")))

    @property
    def resolved_query_string_parameters(self) -> dict[str, list[str]]:
        single = {name: [value] for name, value in self.query_string_parameters.items()}
        params = {**single, **self.multi_value_query_string_parameters}
        if not self.decode_query_parameters:
            return params
        return {
            unquote(name): [unquote(value) for value in self._texts(f"multiValueQueryStringParameters.{name}", values)]
            for name, values in params.items()
        }

    @property
    def resolved_headers_field(self) -> dict[str, Any]:
        return self.multi_value_headers or self.headers

    def header_serializer(self) -> BaseHeadersSerializer:
        # A target group with multi-value headers on sends (and expects back) multiValueHeaders.
        if "multiValueHeaders" in self._data:
            return MULTI_VALUE_HEADERS
        return SINGLE_VALUE_HEADERS
