"""Swagger UI's OAuth2 settings (``ui.initOAuth``) and the page the OAuth2 provider redirects back to."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["OAuth2Config", "generate_oauth2_redirect_html"]


def _dev_mode() -> bool:
    from powertools.common.config import is_dev_mode

    return is_dev_mode()


class OAuth2Config(BaseModel):
    """What Swagger UI's "Authorize" button sends to the OAuth2 provider.

    ``client_secret`` ends up in the page's source, so it is refused unless POWERTOOLS_DEV is set.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    clientId: str | None = Field(default=None, alias="client_id")
    clientSecret: str | None = Field(default=None, alias="client_secret")
    realm: str | None = None
    appName: str = Field(alias="app_name")
    scopes: Sequence[str] = Field(default=[])
    additionalQueryStringParams: dict[str, str] = Field(default={}, alias="additional_query_string_params")
    useBasicAuthenticationWithAccessCodeGrant: bool = Field(
        default=False, alias="use_basic_authentication_with_access_code_grant"
    )
    usePkceWithAuthorizationCodeGrant: bool = Field(default=False, alias="use_pkce_with_authorization_code_grant")

    @field_validator("clientSecret")
    @classmethod
    def _secret_only_in_dev(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not _dev_mode():
            raise ValueError(
                "cannot use client_secret without POWERTOOLS_DEV mode: the secret would be visible in the page"
            )
        warnings.warn(
            "OAuth2Config is using client_secret and POWERTOOLS_DEV is set: the secret is visible in the page. "
            "Use this for local development only.",
            stacklevel=2,
        )
        return value


# The provider sends the browser back here (``<path>?format=oauth2-redirect``); the page hands the
# code or token to the Swagger UI window that opened it, then closes itself.
_REDIRECT_PAGE = """<!doctype html>
<html lang="en-US">
<head><title>Swagger UI: OAuth2 Redirect</title></head>
<body>
<script>
  "use strict";
  function readParams() {
    var raw = /code|token|error/.test(window.location.hash)
      ? window.location.hash.substring(1).replace("?", "&")
      : window.location.search.substring(1);
    var params = {};
    new URLSearchParams(raw).forEach(function (value, key) { params[key] = value; });
    return params;
  }
  function finish() {
    var pending = window.opener && window.opener.swaggerUIRedirectOauth2;
    if (!pending) { window.close(); return; }
    var params = readParams();
    var stateMatches = params.state === pending.state;
    var flow = pending.auth.schema.get("flow");
    var codeFlow = flow === "accessCode" || flow === "authorizationCode" || flow === "authorization_code";
    if (codeFlow && !pending.auth.code) {
      if (!stateMatches) {
        pending.errCb({authId: pending.auth.name, source: "auth", level: "warning",
          message: "Authorization may be unsafe: the state sent was not returned by the provider."});
      }
      if (params.code) {
        delete pending.state;
        pending.auth.code = params.code;
        pending.callback({auth: pending.auth, redirectUrl: pending.redirectUrl});
      } else {
        var reason = params.error
          ? "[" + params.error + "]: " + (params.error_description || "no authorization code received.")
          : "[Authorization failed]: no authorization code received.";
        pending.errCb({authId: pending.auth.name, source: "auth", level: "error", message: reason});
      }
    } else {
      pending.callback({auth: pending.auth, token: params, isValid: stateMatches, redirectUrl: pending.redirectUrl});
    }
    window.close();
  }
  if (document.readyState !== "loading") { finish(); } else { document.addEventListener("DOMContentLoaded", finish); }
</script>
</body>
</html>"""


def generate_oauth2_redirect_html() -> str:
    return _REDIRECT_PAGE
