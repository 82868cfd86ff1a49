"""One OpenAPI document for an API served by several Lambda functions, each with its own resolver.

    app.configure_openapi_merge(path="src/functions", pattern="**/handler.py", title="Orders API")
    app.enable_swagger(path="/swagger")  # serves the merged document
    print(app.get_openapi_merge_json_schema())

Handler files are found by reading their source (``ast``), not by importing them: a file counts
when it assigns a resolver (``app = APIGatewayRestResolver(...)``) to ``resolver_name``. Files
that import that resolver from a shared module (``from service.api import app``) to add routes
are found the same way. Each file is imported when the document is first asked for, the
documents of their resolvers merged once and kept. Nothing here runs on a request path.
"""

from __future__ import annotations

import ast
import fnmatch
import importlib.util
import logging
import sys
import warnings
from pathlib import Path
from typing import Any, Literal

from powertools.event_handler.openapi.config import (
    DEFAULT_API_VERSION,
    DEFAULT_OPENAPI_TITLE,
    DEFAULT_OPENAPI_VERSION,
    OpenAPIConfig,
)
from powertools.event_handler.openapi.exceptions import OpenAPIMergeError

__all__ = ["ConflictStrategy", "OpenAPIMerge"]

ConflictStrategy = Literal["warn", "error", "first", "last"]
DEFAULT_EXCLUDE = ["**/tests/**", "**/__pycache__/**", "**/.venv/**"]
RESOLVER_CLASSES = frozenset(
    {
        "ApiGatewayResolver",
        "APIGatewayRestResolver",
        "APIGatewayHttpResolver",
        "ALBResolver",
        "LambdaFunctionUrlResolver",
        "VPCLatticeResolver",
        "VPCLatticeV2Resolver",
        "BedrockAgentResolver",
    }
)
_logger = logging.getLogger("powertools.event_handler")


def _parse(file: Path) -> ast.Module | None:
    try:
        return ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
    except (SyntaxError, UnicodeDecodeError, OSError):
        return None


def _creates_resolver(file: Path, name: str) -> bool:
    """Does ``file`` assign a resolver instance to ``name`` (``name = XResolver(...)``, annotated or not)?"""
    tree = _parse(file)
    if tree is None:
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if not isinstance(value, ast.Call):
            continue
        called = value.func
        class_name = called.id if isinstance(called, ast.Name) else getattr(called, "attr", None)
        if class_name in RESOLVER_CLASSES and any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return True
    return False


def _module_name(file: Path, root: Path) -> str:
    return ".".join(file.resolve().relative_to(root).with_suffix("").parts)


def _imports_resolver(file: Path, module: str, name: str) -> bool:
    """Does ``file`` do ``from <module> import <name>`` (the shared resolver)?"""
    tree = _parse(file)
    if tree is None:
        return False
    return any(
        isinstance(node, ast.ImportFrom) and node.module == module and any(alias.name == name for alias in node.names)
        for node in ast.walk(tree)
    )


def _excluded(file: Path, root: Path, patterns: list[str]) -> bool:
    relative = file.relative_to(root)
    text = relative.as_posix()
    for pattern in patterns:
        if fnmatch.fnmatch(text, pattern) or fnmatch.fnmatch(file.name, pattern.removeprefix("**/")):
            return True
        if pattern.startswith("**/"):
            # "**/tests/**" excludes any file under a folder named tests, at any depth.
            folder = pattern[3:].split("/", 1)[0]
            if any(fnmatch.fnmatch(part, folder) for part in relative.parts[:-1]):
                return True
    return False


def _import_file(file: Path, module_name: str) -> Any:
    spec = importlib.util.spec_from_file_location(module_name, file)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {file}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    return module


def _as_dict(value: Any) -> Any:
    return value.model_dump(by_alias=True, exclude_none=True) if hasattr(value, "model_dump") else value


class OpenAPIMerge:
    """Collects the OpenAPI documents of several resolvers and merges them into one.

    ``on_conflict`` decides when two documents define the same method on the same path:
    ``"warn"`` (log, keep the first), ``"first"``, ``"last"`` or ``"error"`` (``OpenAPIMergeError``).
    """

    def __init__(
        self,
        *,
        title: str = DEFAULT_OPENAPI_TITLE,
        version: str = DEFAULT_API_VERSION,
        openapi_version: str = DEFAULT_OPENAPI_VERSION,
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
        on_conflict: ConflictStrategy = "warn",
    ) -> None:
        if on_conflict not in ("warn", "error", "first", "last"):
            raise ValueError(f"on_conflict must be 'warn', 'error', 'first' or 'last', not {on_conflict!r}")
        self._config = OpenAPIConfig(
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
        )
        self._on_conflict = on_conflict
        self._resolver_name = "app"
        self._files: list[Path] = []
        self._dependents: dict[Path, list[Path]] = {}
        self._root: Path | None = None
        self._schemas: list[dict[str, Any]] = []
        self._merged: dict[str, Any] | None = None

    # --- finding the handlers ---------------------------------------------------------------

    def discover(
        self,
        path: str | Path,
        pattern: str | list[str] = "handler.py",
        exclude: list[str] | None = None,
        resolver_name: str = "app",
        recursive: bool = False,
        project_root: str | Path | None = None,
    ) -> list[Path]:
        """Find the files under ``path`` matching ``pattern`` that create ``resolver_name``; returns them.

        ``recursive=True`` searches subfolders (``**/`` is added to each pattern). ``project_root``
        (default: ``path``) is where absolute imports of a shared resolver module start.
        """
        search = Path(path).resolve()
        if not search.exists():
            raise FileNotFoundError(f"Path does not exist: {search}")
        exclude = exclude or DEFAULT_EXCLUDE  # as upstream: an empty list means the defaults too
        self._resolver_name = resolver_name
        self._root = Path(project_root).resolve() if project_root else search
        found: set[Path] = set()
        for item in [pattern] if isinstance(pattern, str) else pattern:
            glob = item if not recursive or item.startswith("**/") else f"**/{item}"
            glob = glob if recursive else glob.removeprefix("**/")
            found.update(
                file
                for file in search.glob(glob)
                if file.is_file() and not _excluded(file, search, exclude) and _creates_resolver(file, resolver_name)
            )
        self._files = sorted(found)
        for file in self._files:
            try:
                module = _module_name(file, self._root)
            except ValueError:  # the file is outside project_root: nothing can import it by name
                self._dependents[file] = []
                continue
            self._dependents[file] = sorted(
                other
                for other in search.rglob("*.py")
                if other != file
                and not _excluded(other, search, exclude)
                and _imports_resolver(other, module, resolver_name)
            )
        return list(self._files)

    def add_file(self, file_path: str | Path, resolver_name: str | None = None) -> None:
        """Add one handler file by hand (before the document is first generated)."""
        file = Path(file_path).resolve()
        if file not in self._files:
            self._files.append(file)
        if resolver_name:
            self._resolver_name = resolver_name

    def add_schema(self, schema: Any) -> None:
        """Add a ready document (a dict or ``openapi.models.OpenAPI``), e.g. of a service in another language."""
        self._schemas.append(_as_dict(schema))

    @property
    def discovered_files(self) -> list[Path]:
        return list(self._files)

    @property
    def dependent_files(self) -> dict[Path, list[Path]]:
        return {file: list(files) for file, files in self._dependents.items()}

    # --- the document -----------------------------------------------------------------------

    def get_openapi_schema(self) -> dict[str, Any]:
        """The merged document as a dict (built on the first call, then kept)."""
        if self._merged is not None:
            return self._merged
        for file in self._files:
            try:
                resolver = self._load_resolver(file)
            except (ImportError, AttributeError, FileNotFoundError) as exc:
                warnings.warn(
                    f"Failed to load resolver from {file}: {exc}. Work done at import time (reading "
                    "environment variables, opening connections) is best deferred to the first request.",
                    stacklevel=2,
                )
                continue
            if hasattr(resolver, "get_openapi_schema"):
                self._schemas.append(_as_dict(resolver.get_openapi_schema()))
        self._merged = self._merge()
        if self._files and not self._merged.get("paths"):
            warnings.warn(
                f"OpenAPIMerge found {len(self._files)} handler file(s) but the merged document has no paths; "
                "check that importing them registers their routes.",
                stacklevel=2,
            )
        return self._merged

    def get_openapi_json_schema(self) -> str:
        """The merged document as indented JSON, validated by ``openapi.models.OpenAPI``."""
        from powertools.event_handler.openapi.models import OpenAPI

        document = OpenAPI.model_validate(self.get_openapi_schema())
        return document.model_dump_json(by_alias=True, exclude_none=True, indent=2)

    def _load_resolver(self, file: Path) -> Any:
        root = self._root or file.parent
        added = str(root) not in sys.path
        if added:
            sys.path.insert(0, str(root))
        try:
            # Files that add routes to a shared resolver first, so its document has them all.
            for dependent in self._dependents.get(file, []):
                try:
                    _import_file(dependent, f"_powertools_openapi_merge_{_safe(dependent, root)}")
                except Exception as exc:
                    warnings.warn(f"Failed to load dependent file {dependent}: {exc}", stacklevel=3)
            try:
                name = _module_name(file, root)
            except ValueError:
                name = ""
            module = sys.modules.get(name) if name else None
            if module is None:
                module = _import_file(file, f"_powertools_openapi_merge_{_safe(file, root)}")
            if not hasattr(module, self._resolver_name):
                raise AttributeError(f"Resolver '{self._resolver_name}' not found in {file}.")
            return getattr(module, self._resolver_name)
        finally:
            if added and str(root) in sys.path:
                sys.path.remove(str(root))

    def _merge(self) -> dict[str, Any]:
        config = self._config
        info: dict[str, Any] = {"title": config.title, "version": config.version}
        merged: dict[str, Any] = {
            "openapi": config.openapi_version,
            "info": info,
            "servers": [_as_dict(server) for server in config.servers] if config.servers else [{"url": "/"}],
        }
        for key, value in (
            ("summary", config.summary),
            ("description", config.description),
            ("termsOfService", config.terms_of_service),
            ("contact", _as_dict(config.contact)),
            ("license", _as_dict(config.license_info)),
        ):
            if value:
                info[key] = value
        if config.security:
            merged["security"] = config.security
        if config.external_documentation:
            merged["externalDocs"] = _as_dict(config.external_documentation)
        if config.openapi_extensions:
            merged.update(config.openapi_extensions)
        paths: dict[str, dict[str, Any]] = {}
        components: dict[str, dict[str, Any]] = {}
        for schema in self._schemas:
            for path, item in (schema.get("paths") or {}).items():
                target = paths.setdefault(path, {})
                for method, operation in item.items():
                    if method in target:
                        self._conflict(method, path, target, operation)
                    else:
                        target[method] = operation
            for kind, entries in (schema.get("components") or {}).items():
                components.setdefault(kind, {}).update(entries)
        if config.security_schemes:
            schemes = {name: _as_dict(scheme) for name, scheme in config.security_schemes.items()}
            components.setdefault("securitySchemes", {}).update(schemes)
        if paths:
            merged["paths"] = paths
        if components:
            merged["components"] = components
        tags = self._tags()
        if tags:
            merged["tags"] = tags
        return merged

    def _conflict(self, method: str, path: str, target: dict[str, Any], operation: Any) -> None:
        message = f"Conflict: {method.upper()} {path} is defined in multiple schemas"
        if self._on_conflict == "error":
            raise OpenAPIMergeError(message)
        if self._on_conflict == "warn":
            _logger.warning("%s. Keeping first definition.", message)
        elif self._on_conflict == "last":
            target[method] = operation

    def _tags(self) -> list[dict[str, Any]]:
        tags: dict[str, dict[str, Any]] = {}
        for tag in [*(self._config.tags or []), *(t for schema in self._schemas for t in schema.get("tags") or [])]:
            entry = {"name": tag} if isinstance(tag, str) else _as_dict(tag)
            tags.setdefault(entry["name"], entry)
        return list(tags.values())


def _safe(file: Path, root: Path) -> str:
    try:
        relative = file.resolve().relative_to(root)
    except ValueError:
        relative = Path(file.name)
    return "_".join(relative.with_suffix("").parts).replace("-", "_")
