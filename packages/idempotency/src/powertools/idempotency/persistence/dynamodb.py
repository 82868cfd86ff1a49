"""Idempotency records in a DynamoDB table.

A first call costs one request: a conditional ``PutItem`` that succeeds when no live record
exists. When one does, the condition fails and DynamoDB returns the existing item with the
error (``ReturnValuesOnConditionCheckFailure=ALL_OLD``), so a repeat is also one request.
"""

from __future__ import annotations

import logging
import os
import time
from decimal import Decimal
from typing import Any

from powertools.idempotency.exceptions import (
    IdempotencyItemAlreadyExistsError,
    IdempotencyItemNotFoundError,
    IdempotencyPersistenceConfigError,
)
from powertools.idempotency.persistence.base import BasePersistenceLayer
from powertools.idempotency.persistence.datarecord import STATUS_CONSTANTS, DataRecord

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    import boto3
    from botocore.config import Config

__all__ = ["DynamoDBPersistenceLayer"]

logger = logging.getLogger(__name__)

# A live record blocks the write; a missing, expired or timed-out in-progress one doesn't.
_CONDITION = (
    "attribute_not_exists(#id) OR #expiry < :now OR "
    "(#status = :inprogress AND attribute_exists(#in_progress_expiry) AND #in_progress_expiry < :now_in_millis)"
)


def _plain(value: dict[str, Any]) -> Any:
    """One DynamoDB attribute value (S or N, the only types these records hold) as Python."""
    if "S" in value:
        return value["S"]
    if "N" in value:
        number = Decimal(value["N"])
        return int(number) if number == number.to_integral_value() else number
    if "NULL" in value:
        return None
    raise IdempotencyPersistenceConfigError(f"Unexpected attribute type in idempotency record: {sorted(value)}")


class DynamoDBPersistenceLayer(BasePersistenceLayer):
    def __init__(
        self,
        table_name: str,
        key_attr: str = "id",
        static_pk_value: str | None = None,
        sort_key_attr: str | None = None,
        expiry_attr: str = "expiration",
        in_progress_expiry_attr: str = "in_progress_expiration",
        status_attr: str = "status",
        data_attr: str = "data",
        validation_key_attr: str = "validation",
        boto_config: Config | None = None,
        boto3_session: boto3.session.Session | None = None,
        boto3_client: Any = None,
    ) -> None:
        if sort_key_attr == key_attr:
            raise ValueError(f"key_attr [{key_attr}] and sort_key_attr [{sort_key_attr}] cannot be the same!")
        if not table_name or not isinstance(table_name, str):
            raise IdempotencyPersistenceConfigError(f"table_name must be a table name, got {table_name!r}")
        if static_pk_value is None:
            static_pk_value = f"idempotency#{os.environ.get('AWS_LAMBDA_FUNCTION_NAME', '')}"
        self.table_name = table_name
        self.key_attr = key_attr
        self.static_pk_value = static_pk_value
        self.sort_key_attr = sort_key_attr
        self.expiry_attr = expiry_attr
        self.in_progress_expiry_attr = in_progress_expiry_attr
        self.status_attr = status_attr
        self.data_attr = data_attr
        self.validation_key_attr = validation_key_attr
        self._client = boto3_client
        self._boto_config = boto_config
        self._boto3_session = boto3_session
        super().__init__()

    @property
    def client(self) -> Any:
        """The DynamoDB client, created on first use (boto3 loads then, not at import)."""
        if self._client is None:
            from powertools.common.aws import build_client
            from powertools.idempotency import __version__

            self._client = build_client(
                "dynamodb",
                utility="idempotency",
                version=__version__,
                session=self._boto3_session,
                config=self._boto_config,
            )
        return self._client

    @client.setter
    def client(self, value: Any) -> None:
        self._client = value

    def describe(self) -> str:
        return f"DynamoDB table {self.table_name!r}"

    def _get_key(self, idempotency_key: str) -> dict[str, Any]:
        if self.sort_key_attr:
            return {self.key_attr: {"S": self.static_pk_value}, self.sort_key_attr: {"S": idempotency_key}}
        return {self.key_attr: {"S": idempotency_key}}

    def _item_to_data_record(self, item: dict[str, Any]) -> DataRecord:
        data = {name: _plain(value) for name, value in item.items()}
        try:
            return DataRecord(
                idempotency_key=data[self.key_attr],
                status=data[self.status_attr],
                expiry_timestamp=data[self.expiry_attr],
                in_progress_expiry_timestamp=data.get(self.in_progress_expiry_attr),
                response_data=data.get(self.data_attr) or "",
                payload_hash=data.get(self.validation_key_attr) or "",
                sort_key=data[self.sort_key_attr] if self.sort_key_attr is not None else None,
            )
        except KeyError as missing:
            raise IdempotencyPersistenceConfigError(
                f"Idempotency record in {self.describe()} has no {missing.args[0]!r} attribute: "
                "check key_attr, status_attr, expiry_attr and sort_key_attr against the table"
            ) from None

    def _get_record(self, idempotency_key: str) -> DataRecord:
        response = self.client.get_item(
            TableName=self.table_name, Key=self._get_key(idempotency_key), ConsistentRead=True
        )
        item = response.get("Item")
        if item is None:
            raise IdempotencyItemNotFoundError
        return self._item_to_data_record(item)

    def _put_record(self, data_record: DataRecord) -> None:
        item: dict[str, Any] = {
            **self._get_key(data_record.idempotency_key),
            self.expiry_attr: {"N": str(data_record.expiry_timestamp)},
            self.status_attr: {"S": data_record.status},
        }
        if data_record.in_progress_expiry_timestamp is not None:
            item[self.in_progress_expiry_attr] = {"N": str(data_record.in_progress_expiry_timestamp)}
        if self.payload_validation_enabled and data_record.payload_hash:
            item[self.validation_key_attr] = {"S": data_record.payload_hash}
        now = time.time()
        try:
            self.client.put_item(
                TableName=self.table_name,
                Item=item,
                ConditionExpression=_CONDITION,
                ExpressionAttributeNames={
                    "#id": self.key_attr,
                    "#expiry": self.expiry_attr,
                    "#in_progress_expiry": self.in_progress_expiry_attr,
                    "#status": self.status_attr,
                },
                ExpressionAttributeValues={
                    ":now": {"N": str(int(now))},
                    ":now_in_millis": {"N": str(int(now * 1000))},
                    ":inprogress": {"S": STATUS_CONSTANTS["INPROGRESS"]},
                },
                ReturnValuesOnConditionCheckFailure="ALL_OLD",
            )
        except Exception as exc:
            response = getattr(exc, "response", None) or {}
            if response.get("Error", {}).get("Code") != "ConditionalCheckFailedException":
                raise
            old = response.get("Item")
            if old is None:
                raise IdempotencyItemAlreadyExistsError() from exc
            old_record = self._item_to_data_record(old)
            self._validate_payload(data_record, old_record)
            self._save_to_cache(old_record)
            raise IdempotencyItemAlreadyExistsError(old_data_record=old_record) from exc

    def _update_record(self, data_record: DataRecord) -> None:
        expression = "SET #response_data = :response_data, #expiry = :expiry, #status = :status"
        values: dict[str, Any] = {
            ":expiry": {"N": str(data_record.expiry_timestamp)},
            ":response_data": {"S": data_record.response_data},
            ":status": {"S": data_record.status},
        }
        names = {"#expiry": self.expiry_attr, "#response_data": self.data_attr, "#status": self.status_attr}
        if self.payload_validation_enabled:
            expression += ", #validation_key = :validation_key"
            values[":validation_key"] = {"S": data_record.payload_hash}
            names["#validation_key"] = self.validation_key_attr
        self.client.update_item(
            TableName=self.table_name,
            Key=self._get_key(data_record.idempotency_key),
            UpdateExpression=expression,
            ExpressionAttributeNames=names,
            ExpressionAttributeValues=values,
        )

    def _delete_record(self, data_record: DataRecord) -> None:
        self.client.delete_item(TableName=self.table_name, Key=self._get_key(data_record.idempotency_key))
