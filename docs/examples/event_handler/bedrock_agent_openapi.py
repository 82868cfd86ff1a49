from typing import Annotated

from pydantic import BaseModel

from powertools.common.typing import LambdaContext
from powertools.event_handler import BedrockAgentResolver, BedrockResponse
from powertools.event_handler.openapi.params import Body, Query

app = BedrockAgentResolver()  # validation is on: the agent's values are converted and checked


class Added(BaseModel):
    list_id: str
    title: str
    priority: int


@app.post("/lists/<listId>/todos", description="Adds a todo to a list")
def add_todo(
    listId: str,  # named as in the rule, which is the name in the agent's schema
    title: Annotated[str, Body(embed=True)],
    priority: Annotated[int, Body(embed=True)] = 3,
    notify: Annotated[bool, Query()] = False,
) -> BedrockResponse:
    added = Added(list_id=listId, title=title, priority=priority)
    return BedrockResponse(body=added.model_dump(), session_attributes={"lastList": listId, "notify": str(notify)})


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return app.resolve(event, context)


if __name__ == "__main__":
    print(app.get_openapi_json_schema())  # OpenAPI 3.0.3: upload it as the action group's schema
