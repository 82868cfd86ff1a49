from powertools.common.typing import LambdaContext
from powertools.parameters import set_parameter, set_secret


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    # e.g. the last step of a migration: point the fleet at v2 and rotate the database password
    set_parameter("/orders/endpoint", event["endpoint"], overwrite=True)
    set_parameter("/orders/hosts", event["hosts"], parameter_type="StringList", overwrite=True)
    set_secret("orders/db", {"user": "app", "password": event["password"]})  # creates it if missing
    return {"updated": ["/orders/endpoint", "/orders/hosts", "orders/db"]}
