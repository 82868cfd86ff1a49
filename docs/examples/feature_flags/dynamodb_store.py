import json
import time

import boto3
from botocore.exceptions import BotoCoreError, ClientError

from powertools.common.typing import LambdaContext
from powertools.feature_flags import ConfigurationStoreError, FeatureFlags, StoreProvider


class DynamoDBStore(StoreProvider):
    """The flags as one JSON document in a DynamoDB item, read again at most every max_age seconds."""

    def __init__(self, table_name: str, key: str, max_age: float = 60) -> None:
        self.table_name, self.key, self.max_age = table_name, key, max_age
        self.client = boto3.client("dynamodb")
        self._document: str | None = None
        self._config: dict = {}
        self._read_at = float("-inf")

    @property
    def get_raw_configuration(self) -> dict:
        return self.get_configuration()

    def get_configuration(self) -> dict:
        if time.monotonic() - self._read_at < self.max_age:
            return self._config
        try:
            item = self.client.get_item(TableName=self.table_name, Key={"pk": {"S": self.key}})
            document = item["Item"]["document"]["S"]
            if document != self._document:  # a new dict only when the document changed
                self._config, self._document = json.loads(document), document
        except (BotoCoreError, ClientError, KeyError, ValueError) as exc:
            raise ConfigurationStoreError(f"no feature flags in {self.table_name}/{self.key}: {exc!r}") from exc
        self._read_at = time.monotonic()
        return self._config


flags = FeatureFlags(store=DynamoDBStore("feature-flags", key="shop"))


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    ctx = {"tier": event.get("tier", "standard"), "region": event["region"]}
    return {"premium": flags.evaluate(name="premium_features", context=ctx, default=False)}
