from pydantic import BaseModel

from powertools.common.typing import LambdaContext
from powertools.event_handler import APIGatewayRestResolver
from powertools.event_handler.openapi.models import Contact, HTTPBearer

app = APIGatewayRestResolver(enable_validation=True)  # types in the signatures become the schema
app.configure_openapi(
    title="Todos",
    version="1.2.0",
    contact=Contact(email="team@example.com"),
    security_schemes={"bearer": HTTPBearer()},
    security=[{"bearer": []}],
)
app.enable_swagger(path="/swagger")  # page at /swagger, document at /swagger?format=json


class Todo(BaseModel):
    id: str
    title: str
    completed: bool = False


@app.get("/todos/<todo_id>", summary="Get one todo", tags=["todos"])
def get_todo(todo_id: str) -> Todo:
    return Todo(id=todo_id, title="Buy milk")


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return app.resolve(event, context)


if __name__ == "__main__":
    print(app.get_openapi_json_schema())  # OpenAPI 3.1 JSON text, e.g. for a CI check or a client generator
