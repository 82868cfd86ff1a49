"""A small function that only serves the API's documentation: every other function's routes, merged."""

from pathlib import Path

from powertools.common.typing import LambdaContext
from powertools.event_handler import APIGatewayRestResolver

app = APIGatewayRestResolver(enable_validation=True)
app.configure_openapi_merge(
    path=str(Path(__file__).parent),  # where the handler files are (searched, not imported, here)
    pattern=["data_validation.py", "openapi.py"],  # globs; recursive=True searches subfolders
    title="Todos API",
    version="2.0.0",
    on_conflict="warn",  # a route defined twice: log it and keep the first ("first", "last", "error")
)
app.enable_swagger(path="/docs")  # Swagger UI shows the merged document


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return app.resolve(event, context)


if __name__ == "__main__":
    print(app.get_openapi_merge_json_schema())  # e.g. in CI: publish or diff the whole API's contract
