"""Read a route function's signature into the fields validation needs (path, query, headers, cookies, body, return).

``get_dependant`` runs once per route, on the route's first validated call (or when the
OpenAPI document is generated), never at registration: an app pays for the routes it serves.
"""

from __future__ import annotations

import copy
import inspect
import re
import typing
from collections.abc import Callable
from typing import Annotated, Any, get_args, get_origin

from pydantic.fields import FieldInfo

from powertools.event_handler.depends import is_depends_annotation, is_request_annotation
from powertools.event_handler.openapi.fields import ModelField, header_alias, is_scalar_annotation, is_subclass
from powertools.event_handler.openapi.params import Body, Param, ParamTypes, Path, Query
from powertools.event_handler.response import Response

__all__ = ["Dependant", "RouteSignatureError", "get_dependant", "get_path_param_names"]

_PATH_PARAM = re.compile(r"<(\w+)>")


class RouteSignatureError(TypeError):
    """A route function's parameters cannot be validated (e.g. a model as a path parameter)."""


class Dependant:
    """The validated inputs and output of one route function."""

    __slots__ = (
        "body_params",
        "call",
        "cookie_params",
        "dependency_names",
        "header_params",
        "name",
        "path",
        "path_params",
        "query_params",
        "return_param",
    )

    def __init__(self, call: Callable[..., Any], path: str, name: str | None = None) -> None:
        self.call = call
        self.path = path
        self.name = name
        self.path_params: list[ModelField] = []
        self.query_params: list[ModelField] = []
        self.header_params: list[ModelField] = []
        self.cookie_params: list[ModelField] = []
        self.body_params: list[ModelField] = []
        self.return_param: ModelField | None = None
        # Parameters read from the request for Depends() functions rather than for the route itself.
        self.dependency_names: set[str] = set()

    @property
    def body_embedded(self) -> bool:
        """False when the whole body is the single body parameter (``{"<alias>": ...}`` otherwise)."""
        if len(self.body_params) != 1:
            return True
        return bool(getattr(self.body_params[0].field_info, "embed", False))


def get_path_param_names(rule: str) -> set[str]:
    return set(_PATH_PARAM.findall(rule))


def _type_hints(call: Callable[..., Any]) -> dict[str, Any]:
    target = getattr(call, "__wrapped__", call)
    try:
        return typing.get_type_hints(target, include_extras=True)
    except Exception as exc:  # a NameError from a string annotation, most often
        name = getattr(call, "__qualname__", repr(call))
        raise RouteSignatureError(f"cannot resolve the type hints of route function {name}: {exc}") from exc


def _without_implicit_optional(annotation: Any, default: Any) -> Any:
    """Python 3.10's get_type_hints turns ``x: Annotated[T, Query()] = None`` into
    ``Optional[Annotated[...]]``, hiding the marker; 3.11+ leaves the annotation as written."""
    if default is not None or get_origin(annotation) is not typing.Union:
        return annotation
    args = get_args(annotation)
    annotated = [arg for arg in args if get_origin(arg) is Annotated]
    if len(annotated) == 1 and all(arg is type(None) for arg in args if arg is not annotated[0]):
        return annotated[0]
    return annotation


def get_dependant(*, path: str, call: Callable[..., Any], name: str | None = None) -> Dependant:
    """Classify each parameter of ``call`` (served at rule ``path``) by where its value comes from."""
    dependant = Dependant(call, path, name)
    path_names = get_path_param_names(path)
    hints = _type_hints(call)
    dependencies = _add_params(dependant, call, hints, path_names, set())
    # A dependency's own request parameters (``page: Annotated[int, Query()]``) are validated and
    # documented with the route's, after them; the resolver passes their values to the dependency.
    seen: set[Callable[..., Any]] = set()
    while dependencies:
        dependency = dependencies.pop(0)
        if dependency in seen:
            continue
        seen.add(dependency)
        names = {name for fields in _all_params(dependant) for name in (field.name for field in fields)}
        before = names.copy()
        # Depth first, as each dependency's own dependencies are called before it.
        dependencies[0:0] = _add_params(dependant, dependency, _type_hints(dependency), path_names, names)
        dependant.dependency_names.update(names - before)
    if "return" in hints:
        dependant.return_param = analyze_return(hints["return"])
    return dependant


def _all_params(dependant: Dependant) -> list[list[ModelField]]:
    return [
        dependant.path_params,
        dependant.query_params,
        dependant.header_params,
        dependant.cookie_params,
        dependant.body_params,
    ]


def _add_params(
    dependant: Dependant, call: Callable[..., Any], hints: dict[str, Any], path_names: set[str], taken: set[str]
) -> list[Callable[..., Any]]:
    """Add ``call``'s request parameters (skipping names in ``taken``, which it extends); returns its dependencies."""
    try:
        signature = inspect.signature(call)
    except (TypeError, ValueError) as exc:  # builtins and some C callables have none
        raise RouteSignatureError(f"cannot read the signature of route function {call!r}: {exc}") from exc
    dependencies: list[Callable[..., Any]] = []
    for param_name, param in signature.parameters.items():
        if param.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
            continue
        annotation = _without_implicit_optional(hints.get(param_name, Any), param.default)
        if is_request_annotation(annotation):
            continue  # injected by the resolver (powertools.event_handler.depends), not read from the request
        depends = is_depends_annotation(annotation)
        if depends is not None:
            dependencies.append(depends.dependency)
            continue
        if param_name in taken:
            continue
        taken.add(param_name)
        field = analyze_param(param_name, annotation, param.default, is_path_param=param_name in path_names)
        info = field.field_info
        if isinstance(info, Body):
            dependant.body_params.append(field)
        elif isinstance(info, Param):
            _params_list(dependant, info.in_).append(field)
    return dependencies


def _params_list(dependant: Dependant, location: ParamTypes) -> list[ModelField]:
    if location is ParamTypes.path:
        return dependant.path_params
    if location is ParamTypes.query:
        return dependant.query_params
    if location is ParamTypes.header:
        return dependant.header_params
    return dependant.cookie_params


def _split_annotated(annotation: Any, param_name: str) -> tuple[Any, FieldInfo | None]:
    """``Annotated[int, Query(gt=0)]`` -> (type to validate, the location marker)."""
    if get_origin(annotation) is not Annotated:
        return annotation, None
    inner, *metadata = get_args(annotation)
    markers: list[FieldInfo] = []
    plain: list[FieldInfo] = []
    others: list[Any] = []
    for item in metadata:
        if is_subclass(item, FieldInfo):
            item = item()  # Annotated[int, Query] means Query()
        if isinstance(item, (Param, Body)):
            markers.append(item)
        elif isinstance(item, FieldInfo):
            plain.append(item)
        else:
            others.append(item)
    if len(markers) > 1 or len(plain) > 1:
        raise RouteSignatureError(
            f"parameter {param_name!r}: only one Query/Path/Header/Cookie/Body/Field per parameter"
        )
    # Plain pydantic Field()s and annotated_types constraints stay in the type that is validated.
    extras = [*plain, *others]
    validated = Annotated.__class_getitem__((inner, *extras)) if extras else inner
    if not markers:
        return (validated, plain[0]) if plain and not others else (validated, None)
    return validated, markers[0]


def analyze_param(param_name: str, annotation: Any, default: Any, *, is_path_param: bool) -> ModelField:
    type_annotation, marker = _split_annotated(annotation, param_name)
    if isinstance(default, FieldInfo):
        if marker is not None:
            raise RouteSignatureError(f"parameter {param_name!r}: a marker both in Annotated[...] and as the default")
        marker, default = default, inspect.Parameter.empty
    if marker is not None and not isinstance(marker, (Param, Body)):
        marker = None  # a plain Field() without location: treat as unannotated
    if marker is None:
        required = default is inspect.Parameter.empty
        value = ... if required else default
        if is_path_param:
            marker = Path()
        elif is_scalar_annotation(type_annotation):
            marker = Query(value)
        else:
            marker = Body(value)
    else:
        # The marker object may be shared by several functions: copy before setting its default.
        marker = copy.copy(marker)
        if default is not inspect.Parameter.empty:
            if is_path_param:
                raise RouteSignatureError(f"path parameter {param_name!r} cannot have a default value")
            marker.default = default
    if is_path_param and not isinstance(marker, Path):
        if isinstance(marker, Param) and marker.in_ is not ParamTypes.path:
            raise RouteSignatureError(f"parameter {param_name!r} is in the rule, so it must be a Path parameter")
        marker = Path(**_reusable_options(marker))
    if is_path_param and not is_scalar_annotation(type_annotation):
        raise RouteSignatureError(f"path parameter {param_name!r} must be a scalar (str, int, float, enum, ...)")
    if isinstance(marker, Param) and not is_scalar_annotation(type_annotation):
        from powertools.event_handler.openapi.fields import is_sequence_annotation

        if not is_sequence_annotation(type_annotation) and not _is_model(type_annotation):
            raise RouteSignatureError(
                f"parameter {param_name!r}: a {marker.in_.value} parameter must be a scalar, a list or a model"
            )
    header_alias(marker, param_name)
    return ModelField(param_name, type_annotation, marker)


def _reusable_options(marker: FieldInfo) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for name in ("alias", "title", "description", "examples"):
        value = getattr(marker, name, None)
        if value is not None:
            options[name] = value
    return options


def _is_model(annotation: Any) -> bool:
    from pydantic import BaseModel

    return is_subclass(annotation, BaseModel)


def unwrap_response_annotation(annotation: Any) -> Any:
    """``Response[T]`` -> T; ``tuple[T, int]`` -> T (a route may return ``(body, status)``)."""
    origin = get_origin(annotation)
    if is_subclass(origin, Response):
        (inner,) = get_args(annotation)
        return unwrap_response_annotation(inner)
    if origin is tuple and len(get_args(annotation)) == 2:
        return unwrap_response_annotation(get_args(annotation)[0])
    return annotation


def analyze_return(annotation: Any) -> ModelField | None:
    if is_subclass(annotation, Response):  # a bare Response: body unknown
        return None
    type_annotation, marker = _split_annotated(unwrap_response_annotation(annotation), "return")
    info = FieldInfo() if marker is None else copy.copy(marker)
    return ModelField("return", type_annotation, info, mode="serialization")
