from botocore.config import Config

from powertools.common.typing import LambdaContext
from powertools.parameters import AppConfigProvider, DynamoDBProvider, SSMProvider

ssm = SSMProvider(boto_config=Config(region_name="eu-west-1", retries={"mode": "adaptive"}))
table = DynamoDBProvider("app-settings", key_attr="pk", sort_attr="sk", value_attr="v")
features = AppConfigProvider(environment="prod", application="orders")


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    endpoint = ssm.get("/orders/endpoint")
    limits = table.get_multiple("orders")  # every item of partition "orders": {sk: v}
    flags = features.get("flags", transform="json")
    return {"endpoint": endpoint, "limits": limits, "flags": flags}
