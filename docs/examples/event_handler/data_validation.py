from typing import Annotated

from pydantic import BaseModel

from powertools.common.typing import LambdaContext
from powertools.event_handler import APIGatewayRestResolver
from powertools.event_handler.openapi.params import Header, Query

app = APIGatewayRestResolver(enable_validation=True)


class Todo(BaseModel):
    title: str
    priority: int = 3


@app.post("/lists/<list_id>/todos")
def add_todo(
    list_id: int,  # from the path: "7" arrives as 7
    todo: Todo,  # from the JSON body (models, dataclasses, lists, dicts)
    notify: Annotated[bool, Query()] = False,  # from the query string (any other scalar too)
    x_tenant: Annotated[str, Header()] = "default",  # from the x-tenant header
) -> dict:
    return {"list": list_id, "todo": todo.model_dump(), "notify": notify, "tenant": x_tenant}


@app.get("/lists/<list_id>/todos")
def list_todos(list_id: int, limit: Annotated[int, Query(gt=0, le=100)] = 20) -> list[Todo]:
    return [Todo(title=f"todo {n}") for n in range(min(limit, 2))]


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return app.resolve(event, context)
