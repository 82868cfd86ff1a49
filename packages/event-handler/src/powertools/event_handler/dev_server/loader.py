"""Find the object ``module:attr`` names: a resolver or a ``handler(event, context)`` function."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from powertools.event_handler.dev_server.errors import DevServerError

Handler = Callable[[dict[str, Any], Any], Any]

# The integration each resolver speaks, by its proxy type's value (no import of api_gateway needed).
_FORMAT_BY_PROXY_TYPE = {
    "APIGatewayProxyEvent": "rest",
    "APIGatewayProxyEventV2": "http",
    "ALBEvent": "alb",
    "LambdaFunctionUrlEvent": "function-url",
    "VPCLatticeEvent": "lattice-v1",
    "VPCLatticeEventV2": "lattice",
}


def split_target(target: str) -> tuple[str, str]:
    """``"pkg.module:app"`` -> ``("pkg.module", "app")``; a clear error for anything else."""
    module, sep, attr = target.partition(":")
    if not sep or not module or not attr:
        raise DevServerError(f"target {target!r} is not 'module:attribute' (for example 'app:app')")
    if not all(part.isidentifier() for part in module.split(".")):
        raise DevServerError(f"target {target!r}: {module!r} is not a module name")
    if not all(part.isidentifier() for part in attr.split(".")):
        raise DevServerError(f"target {target!r}: {attr!r} is not an attribute name")
    return module, attr


def ensure_on_path(app_dir: str) -> None:
    """Make ``app_dir`` importable first, as ``python app.py`` would."""
    absolute = os.path.abspath(app_dir)
    if absolute not in sys.path:
        sys.path.insert(0, absolute)


def module_directory(target: str) -> Path:
    """The folder holding the target's top-level module or package (watched by ``--reload``)."""
    module, _ = split_target(target)
    top = module.split(".")[0]
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError) as exc:
        raise DevServerError(f"cannot find module {top!r}: {exc}") from exc
    if spec is None or spec.origin is None or spec.origin in ("built-in", "frozen"):
        raise DevServerError(f"cannot find module {top!r} on sys.path (run from the app's folder or use --app-dir)")
    origin = Path(spec.origin).resolve()
    # A package's origin is its __init__.py: watch the folder that holds the package.
    return origin.parent.parent if spec.submodule_search_locations is not None else origin.parent


def load_handler(target: str) -> tuple[Handler, str | None]:
    """Import the target; return the callable to invoke and the format its resolver speaks (if any)."""
    module_name, attr = split_target(target)
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name or module_name.startswith(f"{exc.name}."):
            raise DevServerError(f"cannot import module {module_name!r}: {exc}") from exc
        raise  # the app itself imports something missing: show the user's traceback
    obj: Any = module
    for part in attr.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise DevServerError(f"module {module_name!r} has no attribute {attr!r}") from None
    proxy_type = getattr(obj, "_proxy_type", None)
    resolve = getattr(obj, "resolve", None)
    if proxy_type is not None and callable(resolve):
        return resolve, _FORMAT_BY_PROXY_TYPE.get(getattr(proxy_type, "value", ""))
    if not callable(obj):
        raise DevServerError(f"{target!r} is neither a resolver nor a handler(event, context) function")
    return obj, None
