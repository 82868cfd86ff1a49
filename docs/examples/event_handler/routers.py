from powertools.common.typing import LambdaContext
from powertools.event_handler import APIGatewayRestResolver
from powertools.event_handler.router import APIGatewayRouter

# In a real project the router lives in its own module (users.py) and app.py imports it.
router = APIGatewayRouter()


@router.get("/<user_id>")
def get_user(user_id: str) -> dict:
    return {"id": user_id, "path": router.current_event.path, "tenant": router.context["tenant"]}


app = APIGatewayRestResolver()
app.include_router(router, prefix="/users")  # the router's rules now start with /users


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    app.append_context(tenant=event["headers"].get("X-Tenant", "default"))  # shared with every router
    return app.resolve(event, context)
