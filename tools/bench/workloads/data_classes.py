"""Wrap an API Gateway REST event in its data class and read 10 properties."""

from __future__ import annotations

from typing import Any

from tools.bench.adapter import Api
from tools.bench.events import load_event
from tools.bench.workloads.base import Call, Target, Workload


def build(api: Api) -> Call:
    event_class = api.get("data_classes", "APIGatewayProxyEvent")
    raw = load_event("apigw_rest")

    def call() -> list[Any]:
        event = event_class(raw)
        context = event.request_context
        return [
            event.http_method,
            event.path,
            event.resource,
            event.body,
            event.is_base64_encoded,
            event.path_parameters,
            event.query_string_parameters,
            event.stage_variables,
            context.request_id,
            context.identity.source_ip,
        ]

    return call


def bare() -> Call:
    raw = load_event("apigw_rest")

    def call() -> list[Any]:
        context = raw["requestContext"]
        return [
            raw["httpMethod"],
            raw["path"],
            raw["resource"],
            raw.get("body"),
            raw.get("isBase64Encoded", False),
            raw.get("pathParameters"),
            raw.get("queryStringParameters"),
            raw.get("stageVariables"),
            context["requestId"],
            context["identity"]["sourceIp"],
        ]

    return call


WORKLOADS = [
    Workload(
        name="data_classes.apigw",
        utility="data_classes",
        description="APIGatewayProxyEvent(event) and 10 property reads",
        build=build,
        bare=bare,
        target=Target(0.6),
    ),
]
