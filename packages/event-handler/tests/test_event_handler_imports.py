"""Cold-start cost: what importing the package and building a REST app loads."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_a_rest_app_never_loads_heavy_dependencies() -> None:
    loaded = _modules_after(
        "from powertools.event_handler import APIGatewayRestResolver\n"
        "app = APIGatewayRestResolver()\n"
        "app.get('/todos/<todo_id>')(lambda todo_id: {'id': todo_id})\n"
        "app.resolve({'httpMethod': 'GET', 'path': '/todos/1', 'headers': {}}, None)"
    )

    heavy = {"pydantic", "boto3", "botocore", "jmespath", "aws_xray_sdk", "asyncio", "inspect", "traceback"}
    assert heavy & loaded == set()
    # Only the REST event shape is loaded, not the other integrations'.
    assert "powertools.common.events.vpc_lattice" not in loaded
    assert "powertools.common.events.alb" not in loaded


def test_package_root_import_loads_no_implementation_module() -> None:
    loaded = _modules_after("import powertools.event_handler")

    assert not {name for name in loaded if name.startswith("powertools.event_handler.")}


def test_upstream_submodule_names_exist() -> None:
    from powertools.event_handler import api_gateway, content_types, exceptions, middlewares, router
    from powertools.event_handler.lambda_function_url import LambdaFunctionUrlResolver
    from powertools.event_handler.vpc_lattice import VPCLatticeResolver, VPCLatticeV2Resolver

    assert api_gateway.Response is not None
    assert api_gateway.CORSConfig is not None
    assert content_types.APPLICATION_JSON == "application/json"
    assert exceptions.NotFoundError().msg == "Not found"
    assert middlewares.NextMiddleware is not None
    assert router.APIGatewayRouter is not None
    assert LambdaFunctionUrlResolver
    assert VPCLatticeResolver
    assert VPCLatticeV2Resolver
