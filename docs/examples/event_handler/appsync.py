from typing import Any

from powertools.common.events.appsync import AppSyncResolverEvent
from powertools.common.typing import LambdaContext
from powertools.event_handler import AppSyncResolver

app = AppSyncResolver()
users = {"u-1001": "Jane Doe", "u-1002": "Alex Smith"}  # u-1003 is unknown


@app.resolver(type_name="TodoList", field_name="todo")
def get_todo(id: str, includeComments: bool = False) -> dict:  # the GraphQL arguments, by name
    return {
        "id": id,
        "list": app.current_event.source["id"],
        "owner": app.current_event.identity.username,
        "comments": [] if includeComments else None,
    }


@app.batch_resolver(type_name="Post", field_name="author", aggregate=False)
def author(event: AppSyncResolverEvent, **arguments: Any) -> dict:  # one call per item of the BatchInvoke list
    author_id = event.source["authorId"]
    return {"id": author_id, "name": users[author_id]}  # a KeyError answers None for that item


def lambda_handler(event: dict | list, context: LambdaContext) -> dict | list:
    return app.resolve(event, context)
