from typing import Annotated

from powertools.common.typing import LambdaContext
from powertools.event_handler import APIGatewayRestResolver, Depends, Request
from powertools.event_handler.exceptions import UnauthorizedError

app = APIGatewayRestResolver()

TODOS = {"acme": {"1": {"id": "1", "title": "Buy milk"}}}


def get_tenant(request: Request) -> str:  # a dependency may take the Request
    tenant = request.resolved_event.get_header_value("x-tenant-id")
    if not tenant:
        raise UnauthorizedError("x-tenant-id header missing")  # answered as if the route raised it
    return tenant


def get_todos(tenant: Annotated[str, Depends(get_tenant)]) -> dict:  # ... or other dependencies
    return TODOS.get(tenant, {})


@app.get("/todos/<todo_id>")
def get_todo(
    todo_id: str,
    todos: Annotated[dict, Depends(get_todos)],
    tenant: Annotated[str, Depends(get_tenant)],  # resolved once per request, shared with get_todos
    request: Request,
) -> dict:
    return {"tenant": tenant, "todo": todos.get(todo_id), "route": request.route}


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return app.resolve(event, context)
