"""Amazon DynamoDB: ``DynamoDBProvider``, values stored as items of a table.

``get(name)`` reads the item whose partition key (``key_attr``, default ``id``) is
``name`` and returns its ``value_attr`` (default ``value``). ``get_multiple(path)``
queries every item of partition ``path`` and returns ``{sort key: value}`` (sort key
attribute ``sort_attr``, default ``sk``).

IAM: ``dynamodb:GetItem`` (get) and ``dynamodb:Query`` (get_multiple) on the table.
"""

from __future__ import annotations

from powertools.parameters._clients import LazyClient, config_argument
from powertools.parameters.base import BaseProvider
from powertools.parameters.exceptions import GetParameterError

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    import boto3
    from botocore.config import Config

__all__ = ["DynamoDBProvider"]


class DynamoDBProvider(BaseProvider):
    """Values from a DynamoDB table (numbers come back as ``Decimal``, like boto3's resource API)."""

    resource = LazyClient("dynamodb", resource=True)

    def __init__(
        self,
        table_name: str,
        key_attr: str = "id",
        sort_attr: str = "sk",
        value_attr: str = "value",
        endpoint_url: str | None = None,
        config: Config | None = None,
        boto_config: Config | None = None,
        boto3_session: boto3.session.Session | None = None,
        boto3_client: Any = None,
    ) -> None:
        self._client_options = {
            "session": boto3_session,
            "config": config_argument(config, boto_config),
            "endpoint_url": endpoint_url,
        }
        # Upstream's boto3_client here is a DynamoDB *resource* (boto3.resource("dynamodb")).
        if boto3_client is not None:
            self.resource = boto3_client
        self.table_name = table_name
        self.key_attr = key_attr
        self.sort_attr = sort_attr
        self.value_attr = value_attr
        self._table: Any = None
        super().__init__()

    @property
    def table(self) -> Any:
        """The boto3 ``Table``, created on first use."""
        if self._table is None:
            self._table = self.resource.Table(self.table_name)
        return self._table

    @table.setter
    def table(self, table: Any) -> None:
        self._table = table

    def _get(self, name: str, **sdk_options: Any) -> Any:
        sdk_options["Key"] = {self.key_attr: name}
        item = self.table.get_item(**sdk_options).get("Item")
        if item is None:
            raise GetParameterError(
                f"Failed to get parameter '{name}': no item with {self.key_attr}={name!r} in table '{self.table_name}'",
                name=name,
            )
        if self.value_attr not in item:
            raise GetParameterError(
                f"Failed to get parameter '{name}': its item has no attribute '{self.value_attr}'", name=name
            )
        return item[self.value_attr]

    def _get_multiple(self, path: str, **sdk_options: Any) -> dict[str, Any]:
        from boto3.dynamodb.conditions import Key

        sdk_options["KeyConditionExpression"] = Key(self.key_attr).eq(path)
        values: dict[str, Any] = {}
        while True:
            reply = self.table.query(**sdk_options)
            for item in reply.get("Items", []):
                if self.sort_attr not in item or self.value_attr not in item:
                    raise GetParameterError(
                        f"Failed to get parameters under path '{path}': an item has no "
                        f"'{self.sort_attr}' or '{self.value_attr}' attribute",
                        name=path,
                    )
                values[item[self.sort_attr]] = item[self.value_attr]
            if "LastEvaluatedKey" not in reply:
                return values
            sdk_options["ExclusiveStartKey"] = reply["LastEvaluatedKey"]
