"""configure_openapi_merge: the same handler files merged by upstream 3.37 and by ours give the same document."""

import json
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tools.compat.harness import FLAVOURS, Flavour

FILES = {
    "orders/handler.py": """
        from pydantic import BaseModel

        from {root}.event_handler import APIGatewayRestResolver

        app = APIGatewayRestResolver(enable_validation=True)


        class Order(BaseModel):
            id: int
            item: str


        @app.get("/orders/<order_id>", tags=["orders"])
        def get_order(order_id: int) -> Order:
            return Order(id=order_id, item="milk")


        @app.get("/health")
        def health() -> dict:
            return {{}}
    """,
    "users/handler.py": """
        from {root}.event_handler import APIGatewayRestResolver

        app = APIGatewayRestResolver(enable_validation=True)


        @app.get("/users", tags=["users"], description="Everyone")
        def list_users(limit: int = 10) -> list[str]:
            return []


        @app.get("/health", summary="users health")
        def health() -> dict:
            return {{}}
    """,
    "tests/handler.py": """
        from {root}.event_handler import APIGatewayRestResolver

        app = APIGatewayRestResolver()


        @app.get("/test-only")
        def test_only() -> dict:
            return {{}}
    """,
    "shared/api.py": """
        from {root}.event_handler import APIGatewayRestResolver

        app = APIGatewayRestResolver(enable_validation=True)
    """,
    "shared/routes/items.py": """
        from shared.api import app


        @app.get("/items")
        def items() -> list[int]:
            return []
    """,
}


def write_project(base: Path, flavour: Flavour) -> Path:
    root = base / flavour.name
    package = flavour.event_handler.__name__.split(".")[0]
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text).format(root=package))
    return root


def merged(tmp_path: Path, **options: Any) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for flavour in FLAVOURS:
        root = write_project(tmp_path, flavour)
        models = flavour.module("event_handler", "openapi.models")
        app = flavour.event_handler.APIGatewayRestResolver(enable_validation=True)
        tags = [models.Tag(name="users", description="People"), "orders"]
        app.configure_openapi_merge(path=str(root), title="Shop", version="2.0.0", tags=tags, **options)
        try:
            results[flavour.name] = (
                [path.relative_to(root).as_posix() for path in app._openapi_merge.discovered_files],
                app.get_openapi_merge_json_schema(),
            )
        except Exception as exc:
            results[flavour.name] = (type(exc).__name__, str(exc))
        finally:
            for name in [n for n in sys.modules if n == "shared" or n.startswith("shared.")]:
                del sys.modules[name]
    return results


@pytest.mark.parametrize(
    "options",
    [
        {"recursive": True},
        {"recursive": True, "on_conflict": "last"},
        {"recursive": True, "on_conflict": "error"},
        {"pattern": ["orders/handler.py"]},
        {"pattern": "api.py", "recursive": True},  # a shared resolver and the file adding its routes
        {"recursive": True, "exclude": []},  # still the default exclusions, as upstream
    ],
    ids=["warn", "last", "error", "one file", "shared resolver", "empty exclude"],
)
def test_merged_document_matches_upstream(tmp_path: Path, options: dict[str, Any]) -> None:
    results = merged(tmp_path, **options)
    assert results["ours"] == results["upstream"]
    if isinstance(results["ours"][1], str) and results["ours"][1].startswith("{"):
        assert json.loads(results["ours"][1])["info"]["title"] == "Shop"
