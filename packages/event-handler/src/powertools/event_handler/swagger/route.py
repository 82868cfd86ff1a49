"""``enable_swagger``: the route that serves the Swagger UI page, the JSON document and the OAuth2 redirect."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from powertools.event_handler.response import Response

__all__ = ["CDN_BASE_URL", "asset_urls", "base_path", "register_swagger"]

# A pinned Swagger UI 5 release, so a page never changes under the user.
CDN_BASE_URL = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5.17.14"


def asset_urls(path: str, swagger_base_url: str | None, prefix: str = "") -> tuple[str, str]:
    """(JS, CSS) URLs: ``swagger_base_url`` (upstream's file names), else packaged assets, else the CDN."""
    if swagger_base_url:
        base = swagger_base_url.rstrip("/")
        return f"{base}/swagger-ui-bundle.min.js", f"{base}/swagger-ui.min.css"
    from powertools.event_handler.swagger import assets

    if assets.available():
        return f"{prefix}{path}/{assets.JS_FILE}", f"{prefix}{path}/{assets.CSS_FILE}"
    return f"{CDN_BASE_URL}/swagger-ui-bundle.js", f"{CDN_BASE_URL}/swagger-ui.css"


def base_path(event: Any) -> str:
    """``/<stage>`` when API Gateway put the stage in the path (not SAM local, not a custom domain)."""
    context = event.get("requestContext") if hasattr(event, "get") else None
    if not isinstance(context, dict):
        return ""
    stage = context.get("stage")
    if not stage or stage == "$default":
        return ""
    http = context.get("http")
    request_path = http.get("path") if isinstance(http, dict) else context.get("path")
    if isinstance(request_path, str) and request_path.startswith(f"/{stage}"):
        return f"/{stage}"
    return ""


def register_swagger(
    app: Any,
    *,
    path: str,
    middlewares: list[Callable[..., Any]] | None,
    compress: bool,
    swagger_base_url: str | None,
    oauth2_config: Any | None,
    persist_authorization: bool,
    servers: list[Any] | None,
    schema_options: dict[str, Any],
) -> None:
    @app.get(path, middlewares=middlewares, include_in_schema=False, compress=compress)
    def swagger_handler() -> Response[str]:
        event = app.current_event
        query = event.query_string_parameters or {}
        if query.get("format") == "oauth2-redirect":
            from powertools.event_handler.swagger.oauth2 import generate_oauth2_redirect_html

            return Response(200, "text/html", generate_oauth2_redirect_html())
        from powertools.event_handler.openapi.models import Server

        prefix = base_path(event)
        if getattr(app, "_openapi_merge", None) is not None:  # configure_openapi_merge: the merged document
            text = app.get_openapi_merge_json_schema()
        else:
            schema = app.get_openapi_schema(servers=servers or [Server(url=prefix or "/")], **schema_options)
            text = schema.model_dump_json(by_alias=True, exclude_none=True, indent=2)
        # "</" would end the <script> the document is inlined in; "<\/" means the same in JSON.
        spec = text.replace("</", "<\\/")
        if query.get("format") == "json":
            return Response(200, "application/json", spec)
        from powertools.event_handler.swagger.html import generate_swagger_html

        js, css = asset_urls(path, swagger_base_url, prefix)
        page = generate_swagger_html(spec, js, css, swagger_base_url, oauth2_config, persist_authorization)
        return Response(200, "text/html", page)

    # Swagger UI's own files when the `swagger` extra is installed; anything else is a 404.
    @app.get(f"{path.rstrip('/')}/<name>", middlewares=middlewares, include_in_schema=False, compress=compress)
    def swagger_asset(name: str) -> Response[bytes]:
        from powertools.event_handler.swagger import assets

        found = assets.read_asset(name)
        if found is None:
            return Response(404, "text/plain", b"Not found")
        content, content_type = found
        return Response(200, content_type, content, headers={"Cache-Control": "max-age=86400"})
