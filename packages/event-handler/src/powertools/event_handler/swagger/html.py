"""The Swagger UI page: the OpenAPI document inlined, Swagger UI's CSS and JS linked."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from powertools.event_handler.swagger.oauth2 import OAuth2Config

__all__ = ["generate_swagger_html"]


def generate_swagger_html(
    spec: str,
    swagger_js: str,
    swagger_css: str,
    swagger_base_url: str | None = None,
    oauth2_config: OAuth2Config | None = None,
    persist_authorization: bool = False,
) -> str:
    """The page; ``spec`` is the document's JSON with ``</`` already escaped (it sits in a <script>).

    ``swagger_js``/``swagger_css`` are URLs. (Upstream also accepts the files' contents here when
    ``swagger_base_url`` is empty; this page always links them.)
    """
    oauth2 = (
        f"ui.initOAuth({oauth2_config.model_dump_json(exclude_none=True, exclude_unset=True)});"
        if oauth2_config
        else ""
    )
    css_href = html.escape(swagger_css, quote=True)
    js_src = html.escape(swagger_js, quote=True)
    persist = "true" if persist_authorization else "false"
    return f"""<!DOCTYPE html>
<html>
<head>
  <meta charset="UTF-8">
  <title>Swagger UI</title>
  <meta http-equiv="Cache-control" content="no-cache, no-store, must-revalidate" />
  <link rel="stylesheet" type="text/css" href="{css_href}">
</head>
<body>
  <div id="swagger-ui">Loading...</div>
  <script src="{js_src}"></script>
  <script>
    var currentUrl = new URL(window.location.href);
    var baseUrl = currentUrl.protocol + "//" + currentUrl.host + currentUrl.pathname;
    var ui = SwaggerUIBundle({{
      dom_id: "#swagger-ui",
      docExpansion: "list",
      deepLinking: true,
      filter: true,
      layout: "BaseLayout",
      showExtensions: true,
      showCommonExtensions: true,
      spec: {spec},
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
      plugins: [SwaggerUIBundle.plugins.DownloadUrl],
      withCredentials: true,
      persistAuthorization: {persist},
      oauth2RedirectUrl: baseUrl + "?format=oauth2-redirect",
    }});
    ui.specActions.updateUrl(currentUrl.pathname + "?format=json");
    {oauth2}
  </script>
</body>
</html>"""
