"""Build each integration's Lambda proxy event from an HttpRequest.

Field names and value shapes follow what each AWS service sends (API Gateway REST v1,
HTTP API v2, ALB with multi-value headers on, Lambda Function URLs, VPC Lattice v1 and v2).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from powertools.event_handler.dev_server.request import HttpRequest

ACCOUNT_ID = "123456789012"
REGION = "us-east-1"
API_ID = "devserver"
# REST APIs always deploy to a named stage; HTTP APIs usually use the auto-deployed $default one.
DEFAULT_REST_STAGE = "dev"
DEFAULT_HTTP_STAGE = "$default"


def _grouped(pairs: Iterable[tuple[str, str]], *, lower: bool = False) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for key, value in pairs:
        grouped.setdefault(key.lower() if lower else key, []).append(value)
    return grouped


def _joined(grouped: dict[str, list[str]]) -> dict[str, str]:
    return {key: ",".join(values) for key, values in grouped.items()}


def _last(grouped: dict[str, list[str]]) -> dict[str, str]:
    return {key: values[-1] for key, values in grouped.items()}


def _clf_time(epoch_ms: int) -> str:
    return time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(epoch_ms / 1000))


def rest_event(request: HttpRequest, stage: str | None) -> dict[str, Any]:
    """API Gateway REST API (payload 1.0), as a ``{proxy+}`` resource on ``stage``.

    The URL has no stage segment here, so ``requestContext.path`` is the path itself, as
    behind a custom domain (code that prefixes links with ``/<stage>`` then adds nothing).
    """
    stage = stage or DEFAULT_REST_STAGE
    headers = _grouped(request.headers)
    query = _grouped(request.query_pairs())
    body, is_b64 = request.body_for_event()
    path = request.path
    user_agent = request.header("user-agent")
    return {
        "resource": "/{proxy+}",
        "path": path,
        "httpMethod": request.method,
        "headers": _last(headers) or None,
        "multiValueHeaders": headers or None,
        "queryStringParameters": _last(query) or None,
        "multiValueQueryStringParameters": query or None,
        "pathParameters": {"proxy": path.lstrip("/")} if path != "/" else None,
        "stageVariables": None,
        "requestContext": {
            "accountId": ACCOUNT_ID,
            "apiId": API_ID,
            "domainName": request.host,
            "domainPrefix": request.host.split(".")[0],
            "extendedRequestId": request.request_id,
            "httpMethod": request.method,
            "identity": {"sourceIp": request.source_ip, "userAgent": user_agent},
            "path": path,
            "protocol": "HTTP/1.1",
            "requestId": request.request_id,
            "requestTime": _clf_time(request.time_epoch_ms),
            "requestTimeEpoch": request.time_epoch_ms,
            "resourceId": "proxy",
            "resourcePath": "/{proxy+}",
            "stage": stage,
        },
        "body": body,
        "isBase64Encoded": is_b64,
    }


def _v2_event(request: HttpRequest, *, stage: str, domain: str) -> dict[str, Any]:
    # Payload 2.0: lower-case headers, repeats comma-joined, cookies moved to their own list.
    headers = _joined(_grouped(((k, v) for k, v in request.headers if k.lower() != "cookie"), lower=True))
    body, is_b64 = request.body_for_event()
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": request.path,
        "rawQueryString": request.raw_query,
        "headers": headers,
        "requestContext": {
            "accountId": ACCOUNT_ID,
            "apiId": API_ID,
            "domainName": domain,
            "domainPrefix": domain.split(".")[0],
            "http": {
                "method": request.method,
                "path": request.path,
                "protocol": "HTTP/1.1",
                "sourceIp": request.source_ip,
                "userAgent": request.header("user-agent") or "",
            },
            "requestId": request.request_id,
            "routeKey": "$default",
            "stage": stage,
            "time": _clf_time(request.time_epoch_ms),
            "timeEpoch": request.time_epoch_ms,
        },
        "isBase64Encoded": is_b64,
    }
    cookies = request.cookies()
    if cookies:
        event["cookies"] = cookies
    query = request.query_pairs()
    if query:
        event["queryStringParameters"] = _joined(_grouped(query))
    if body is not None:
        event["body"] = body
    return event


def http_event(request: HttpRequest, stage: str | None) -> dict[str, Any]:
    """API Gateway HTTP API (payload 2.0) through its ``$default`` route."""
    return _v2_event(request, stage=stage or DEFAULT_HTTP_STAGE, domain=request.host)


def function_url_event(request: HttpRequest, stage: str | None) -> dict[str, Any]:
    """Lambda Function URL: payload 2.0, always the ``$default`` stage."""
    return _v2_event(request, stage="$default", domain=request.host)


def alb_event(request: HttpRequest, stage: str | None) -> dict[str, Any]:
    """ALB target group with multi-value headers on; ALB passes query values still encoded."""
    query: dict[str, list[str]] = {}
    for part in request.raw_query.split("&") if request.raw_query else []:
        key, _, value = part.partition("=")
        query.setdefault(key, []).append(value)
    body, is_b64 = request.body_for_event()
    return {
        "requestContext": {
            "elb": {"targetGroupArn": f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT_ID}:targetgroup/{API_ID}/0"}
        },
        "httpMethod": request.method,
        "path": request.path,
        "multiValueQueryStringParameters": query,
        "multiValueHeaders": _grouped(request.headers, lower=True),
        "body": body or "",
        "isBase64Encoded": is_b64,
    }


def _lattice_arns() -> dict[str, str]:
    prefix = f"arn:aws:vpc-lattice:{REGION}:{ACCOUNT_ID}"
    return {
        "serviceNetworkArn": f"{prefix}:servicenetwork/sn-{API_ID}",
        "serviceArn": f"{prefix}:service/svc-{API_ID}",
        "targetGroupArn": f"{prefix}:targetgroup/tg-{API_ID}",
    }


def lattice_event(request: HttpRequest, stage: str | None) -> dict[str, Any]:
    """VPC Lattice payload 2.0: every header and query value is a list."""
    body, is_b64 = request.body_for_event()
    return {
        "version": "2.0",
        "path": request.path,
        "method": request.method,
        "headers": _grouped(request.headers, lower=True),
        "queryStringParameters": _grouped(request.query_pairs()),
        "body": body or "",
        "isBase64Encoded": is_b64,
        "requestContext": {
            **_lattice_arns(),
            "identity": {"sourceVpcArn": f"arn:aws:ec2:{REGION}:{ACCOUNT_ID}:vpc/vpc-{API_ID}", "type": "NONE"},
            "region": REGION,
            "timeEpoch": str(request.time_epoch_ms * 1000),  # Lattice sends microseconds
        },
    }


def lattice_v1_event(request: HttpRequest, stage: str | None) -> dict[str, Any]:
    """VPC Lattice payload 1.0: snake_case keys, the raw path with its query, comma-joined headers."""
    body, is_b64 = request.body_for_event()
    return {
        "raw_path": request.target,
        "method": request.method,
        "headers": _joined(_grouped(request.headers, lower=True)),
        "query_string_parameters": _last(_grouped(request.query_pairs())),
        "body": body or "",
        "is_base64_encoded": is_b64,
    }


EventBuilder = Callable[[HttpRequest, str | None], dict[str, Any]]

BUILDERS: dict[str, EventBuilder] = {
    "rest": rest_event,
    "http": http_event,
    "alb": alb_event,
    "function-url": function_url_event,
    "lattice": lattice_event,
    "lattice-v1": lattice_v1_event,
}

FORMATS = tuple(BUILDERS)
