"""Amazon VPC Lattice events, payload v1 (snake_case) and v2 (camelCase, multi-value)."""

from __future__ import annotations

from typing import Any

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.events.proxy import (
    HTTP_API_HEADERS,
    BaseHeadersSerializer,
    BaseProxyEvent,
    CaseInsensitiveDict,
)

__all__ = [
    "VPCLatticeEvent",
    "VPCLatticeEventBase",
    "VPCLatticeEventV2",
    "vpcLatticeEventV2Identity",
    "vpcLatticeEventV2RequestContext",
]


class VPCLatticeEventBase(BaseProxyEvent):
    """What both Lattice payload versions share: ``method``, ``headers``, ``body``."""

    @property
    def method(self) -> str:
        return self._require("method")

    @property
    def http_method(self) -> str:
        return self.method

    def header_serializer(self) -> BaseHeadersSerializer:
        return HTTP_API_HEADERS


class VPCLatticeEvent(VPCLatticeEventBase):
    """VPC Lattice payload v1."""

    @property
    def raw_path(self) -> str:
        """The request path including the query string, as Lattice sends it."""
        return self._require("raw_path")

    @property
    def path(self) -> str:
        return self._text("raw_path", self.raw_path).partition("?")[0]

    @property
    def is_base64_encoded(self) -> bool:
        return bool(self._data.get("is_base64_encoded"))

    @property
    def query_string_parameters(self) -> dict[str, str]:
        return self._mapping("query_string_parameters")

    @property
    def resolved_headers_field(self) -> dict[str, Any]:
        return self._cached(
            "resolved_headers",
            lambda: CaseInsensitiveDict(
                (name, value.split(",") if isinstance(value, str) and "," in value else value)
                for name, value in self.headers.items()
            ),
        )


class vpcLatticeEventV2Identity(DictWrapper):
    """The caller of a Lattice v2 request (VPC, IAM principal, mTLS certificate fields)."""

    @property
    def source_vpc_arn(self) -> str | None:
        return self._data.get("sourceVpcArn")

    @property
    def get_type(self) -> str | None:
        return self._data.get("type")

    @property
    def principal(self) -> str | None:
        return self._data.get("principal")

    @property
    def principal_org_id(self) -> str | None:
        return self._data.get("principalOrgID")

    @property
    def session_name(self) -> str | None:
        return self._data.get("sessionName")

    @property
    def x509_subject_cn(self) -> str | None:
        return self._data.get("X509SubjectCn")

    @property
    def x509_issuer_ou(self) -> str | None:
        return self._data.get("X509IssuerOu")

    @property
    def x509_san_dns(self) -> str | None:
        return self._data.get("x509SanDns")

    @property
    def x509_san_uri(self) -> str | None:
        return self._data.get("X509SanUri")

    @property
    def x509_san_name_cn(self) -> str | None:
        return self._data.get("X509SanNameCn")


class vpcLatticeEventV2RequestContext(DictWrapper):
    @property
    def service_network_arn(self) -> str:
        return self._data.get("serviceNetworkArn", "")

    @property
    def service_arn(self) -> str:
        return self._data.get("serviceArn", "")

    @property
    def target_group_arn(self) -> str:
        return self._data.get("targetGroupArn", "")

    @property
    def identity(self) -> vpcLatticeEventV2Identity:
        return vpcLatticeEventV2Identity(self._section("identity"))

    @property
    def region(self) -> str:
        return self._data.get("region", "")

    @property
    def time_epoch(self) -> Any:
        """Request time in epoch microseconds, as Lattice sends it (a string) and upstream returns it."""
        return self._data.get("timeEpoch")


class VPCLatticeEventV2(VPCLatticeEventBase):
    """VPC Lattice payload v2: header and query values arrive as lists."""

    @property
    def version(self) -> str:
        return self._data.get("version", "2.0")

    @property
    def request_context(self) -> vpcLatticeEventV2RequestContext:
        return vpcLatticeEventV2RequestContext(self._section("requestContext"))

    @property
    def path(self) -> str:
        return str(self._require("path")).partition("?")[0]

    @property
    def headers(self) -> dict[str, Any]:
        """Request headers as Lattice v2 sends them, each a list of values; look-ups ignore case."""
        return self._cached("headers", lambda: CaseInsensitiveDict(self._section("headers")))

    def get_header_value(  # v2 header values are lists, as upstream returns them
        self, name: str, default_value: Any = None, case_sensitive: bool = False
    ) -> Any:
        """A header's values (a list, as Lattice v2 sends them), or ``default_value``."""
        headers = self._section("headers") if case_sensitive else self.headers
        return headers.get(name, default_value)

    @property
    def query_string_parameters(self) -> dict[str, str]:
        return {name: ",".join(values) for name, values in self.resolved_query_string_parameters.items()}

    @property
    def resolved_query_string_parameters(self) -> dict[str, list[str]]:
        # Lattice v2 sends each parameter's values as a list.
        return {
            name: list(self._texts(f"queryStringParameters.{name}", values))
            for name, values in self._mapping("queryStringParameters").items()
        }

    @property
    def resolved_headers_field(self) -> dict[str, Any]:
        return self._cached(
            "resolved_headers",
            lambda: CaseInsensitiveDict(
                (name, list(value) if isinstance(value, list) else value)
                for name, value in self._section("headers").items()
            ),
        )
