from powertools.common.typing import LambdaContext
from powertools.parameters import get_app_config, get_parameter, get_parameters, get_secret


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    endpoint = get_parameter("/orders/endpoint")
    api_key = get_parameter("/orders/api-key", decrypt=True)  # SecureString
    tuning = get_parameters("/orders/tuning")  # {"batch-size": "10", ...}
    db = get_secret("orders/db", transform="json")  # {"user": ..., "password": ...}
    flags = get_app_config("flags", environment="prod", application="orders", transform="json")

    client = OrdersClient(endpoint, api_key, batch_size=int(tuning["batch-size"]))
    return {"client": client.describe(), "db_user": db["user"], "flags": flags}


class OrdersClient:  # stands in for your API client
    def __init__(self, endpoint: str, api_key: str, batch_size: int) -> None:
        self.endpoint, self.api_key, self.batch_size = endpoint, api_key, batch_size

    def describe(self) -> dict:
        return {"endpoint": self.endpoint, "authenticated": bool(self.api_key), "batch_size": self.batch_size}
