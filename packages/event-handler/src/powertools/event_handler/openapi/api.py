"""The OpenAPI methods of the HTTP resolvers: ``configure_openapi``, ``get_openapi_schema``,
``get_openapi_json_schema`` and ``enable_swagger``.

A mixin so the resolver core stays small; nothing here imports pydantic until a method is called.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from powertools.event_handler.openapi.config import OpenAPIConfig
    from powertools.event_handler.openapi.models import OpenAPI
    from powertools.event_handler.route import Route

__all__ = ["OpenAPIMixin"]

_DEFAULT_TITLE = "Powertools for AWS Lambda (Python) API"
_DEFAULT_VERSION = "1.0.0"
_DEFAULT_OPENAPI_VERSION = "3.1.0"


class OpenAPIMixin:
    """Document the resolver's routes as OpenAPI 3.1 (needs the ``validation`` extra: pydantic v2)."""

    _route_list: list[Route]
    _enable_validation: bool
    _response_validation_error_http_code: int | None
    _openapi_config: OpenAPIConfig | None = None

    @property
    def openapi_config(self) -> OpenAPIConfig:
        if self._openapi_config is None:
            from powertools.event_handler.openapi.config import OpenAPIConfig

            self._openapi_config = OpenAPIConfig()
        return self._openapi_config

    @openapi_config.setter
    def openapi_config(self, value: OpenAPIConfig) -> None:
        self._openapi_config = value

    def configure_openapi(
        self,
        title: str = _DEFAULT_TITLE,
        version: str = _DEFAULT_VERSION,
        openapi_version: str = _DEFAULT_OPENAPI_VERSION,
        summary: str | None = None,
        description: str | None = None,
        tags: list[Any] | None = None,
        servers: list[Any] | None = None,
        terms_of_service: str | None = None,
        contact: Any | None = None,
        license_info: Any | None = None,
        security_schemes: dict[str, Any] | None = None,
        security: list[dict[str, list[str]]] | None = None,
        external_documentation: Any | None = None,
        openapi_extensions: dict[str, Any] | None = None,
    ) -> None:
        """Store the document settings that ``get_openapi_schema`` and ``enable_swagger`` use by default."""
        from powertools.event_handler.openapi.config import OpenAPIConfig

        self._openapi_config = OpenAPIConfig(
            title,
            version,
            openapi_version,
            summary,
            description,
            tags,
            servers,
            terms_of_service,
            contact,
            license_info,
            security_schemes,
            security,
            external_documentation,
            openapi_extensions,
        )

    def get_openapi_schema(
        self,
        *,
        title: str = _DEFAULT_TITLE,
        version: str = _DEFAULT_VERSION,
        openapi_version: str = _DEFAULT_OPENAPI_VERSION,
        summary: str | None = None,
        description: str | None = None,
        tags: list[Any] | None = None,
        servers: list[Any] | None = None,
        terms_of_service: str | None = None,
        contact: Any | None = None,
        license_info: Any | None = None,
        security_schemes: dict[str, Any] | None = None,
        security: list[dict[str, list[str]]] | None = None,
        external_documentation: Any | None = None,
        openapi_extensions: dict[str, Any] | None = None,
    ) -> OpenAPI:
        """The OpenAPI document as an ``openapi.models.OpenAPI`` model; arguments override ``configure_openapi``."""
        from powertools.event_handler.openapi.requirements import require_pydantic

        require_pydantic("get_openapi_schema")
        from powertools.event_handler.openapi.document import build_document

        config = self.openapi_config
        return build_document(
            self,
            title=title if title != _DEFAULT_TITLE else config.title,
            version=version if version != _DEFAULT_VERSION else config.version,
            openapi_version=openapi_version if openapi_version != _DEFAULT_OPENAPI_VERSION else config.openapi_version,
            summary=summary or config.summary,
            description=description or config.description,
            tags=tags or config.tags,
            servers=servers or config.servers,
            terms_of_service=terms_of_service or config.terms_of_service,
            contact=contact or config.contact,
            license_info=license_info or config.license_info,
            security_schemes=security_schemes or config.security_schemes,
            security=security or config.security,
            external_documentation=external_documentation or config.external_documentation,
            openapi_extensions=openapi_extensions or config.openapi_extensions,
        )

    def get_openapi_json_schema(self, **options: Any) -> str:
        """``get_openapi_schema(...)`` as JSON text (indented, unset fields left out), as API tools expect."""
        return self.get_openapi_schema(**options).model_dump_json(by_alias=True, exclude_none=True, indent=2)

    _openapi_merge: Any = None

    def configure_openapi_merge(
        self,
        path: str,
        pattern: str | list[str] = "handler.py",
        exclude: list[str] | None = None,
        resolver_name: str = "app",
        recursive: bool = False,
        title: str = _DEFAULT_TITLE,
        version: str = _DEFAULT_VERSION,
        openapi_version: str = _DEFAULT_OPENAPI_VERSION,
        summary: str | None = None,
        description: str | None = None,
        tags: list[Any] | None = None,
        servers: list[Any] | None = None,
        terms_of_service: str | None = None,
        contact: Any | None = None,
        license_info: Any | None = None,
        security_schemes: dict[str, Any] | None = None,
        security: list[dict[str, list[str]]] | None = None,
        external_documentation: Any | None = None,
        openapi_extensions: dict[str, Any] | None = None,
        on_conflict: str = "warn",
    ) -> None:
        """Merge the OpenAPI documents of the resolvers in other handler files (``openapi.merge.OpenAPIMerge``).

        Files under ``path`` matching ``pattern`` (``recursive=True``: in subfolders too) that create
        ``resolver_name`` are found now by reading their source; they are imported, and their
        documents merged, on the first ``get_openapi_merge_schema()`` or Swagger UI request.
        ``enable_swagger`` then serves the merged document.
        """
        from powertools.event_handler.openapi.merge import OpenAPIMerge

        merge = OpenAPIMerge(
            title=title,
            version=version,
            openapi_version=openapi_version,
            summary=summary,
            description=description,
            tags=tags,
            servers=servers,
            terms_of_service=terms_of_service,
            contact=contact,
            license_info=license_info,
            security_schemes=security_schemes,
            security=security,
            external_documentation=external_documentation,
            openapi_extensions=openapi_extensions,
            on_conflict=on_conflict,  # type: ignore[arg-type]  # checked by OpenAPIMerge
        )
        merge.discover(path=path, pattern=pattern, exclude=exclude, resolver_name=resolver_name, recursive=recursive)
        self._openapi_merge = merge

    def get_openapi_merge_schema(self) -> dict[str, Any]:
        """The merged document (a dict); RuntimeError before ``configure_openapi_merge``."""
        if self._openapi_merge is None:
            raise RuntimeError("configure_openapi_merge must be called before get_openapi_merge_schema")
        return self._openapi_merge.get_openapi_schema()

    def get_openapi_merge_json_schema(self) -> str:
        """The merged document as JSON text; RuntimeError before ``configure_openapi_merge``."""
        if self._openapi_merge is None:
            raise RuntimeError("configure_openapi_merge must be called before get_openapi_merge_json_schema")
        return self._openapi_merge.get_openapi_json_schema()

    def enable_swagger(
        self,
        *,
        path: str = "/swagger",
        title: str = _DEFAULT_TITLE,
        version: str = _DEFAULT_VERSION,
        openapi_version: str = _DEFAULT_OPENAPI_VERSION,
        summary: str | None = None,
        description: str | None = None,
        tags: list[Any] | None = None,
        servers: list[Any] | None = None,
        terms_of_service: str | None = None,
        contact: Any | None = None,
        license_info: Any | None = None,
        swagger_base_url: str | None = None,
        middlewares: list[Callable[..., Any]] | None = None,
        compress: bool = False,
        security_schemes: dict[str, Any] | None = None,
        security: list[dict[str, list[str]]] | None = None,
        oauth2_config: Any | None = None,
        persist_authorization: bool = False,
        external_documentation: Any | None = None,
        openapi_extensions: dict[str, Any] | None = None,
    ) -> None:
        """Serve Swagger UI at ``path`` (GET) and the OpenAPI document at ``<path>?format=json``.

        Swagger UI's files load from a CDN unless ``swagger_base_url`` names another location
        (``<base>/swagger-ui-bundle.min.js`` and ``<base>/swagger-ui.min.css``). Needs pydantic
        (the ``validation`` extra) when the page is first requested, not before.
        """
        from powertools.event_handler.swagger.route import register_swagger

        register_swagger(
            self,
            path=path,
            middlewares=middlewares,
            compress=compress,
            swagger_base_url=swagger_base_url,
            oauth2_config=oauth2_config,
            persist_authorization=persist_authorization,
            servers=servers,
            schema_options={
                "title": title,
                "version": version,
                "openapi_version": openapi_version,
                "summary": summary,
                "description": description,
                "tags": tags,
                "terms_of_service": terms_of_service,
                "contact": contact,
                "license_info": license_info,
                "security_schemes": security_schemes,
                "security": security,
                "external_documentation": external_documentation,
                "openapi_extensions": openapi_extensions,
            },
        )
