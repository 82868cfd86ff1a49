"""Amazon DynamoDB Streams event; images are converted from DynamoDB JSON to Python values."""

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.alias_generators import to_camel

from powertools.parser.models._decoders import dynamodb_item


class DynamoDBStreamChangedRecordModel(BaseModel):
    ApproximateCreationDateTime: datetime | None = None  # epoch seconds in the event
    Keys: dict[str, Any]
    NewImage: dict[str, Any] | type[BaseModel] | BaseModel | None = None
    OldImage: dict[str, Any] | type[BaseModel] | BaseModel | None = None
    SequenceNumber: str
    SizeBytes: int
    StreamViewType: Literal["NEW_AND_OLD_IMAGES", "KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE"]

    @field_validator("Keys", "NewImage", "OldImage", mode="before")
    @classmethod
    def _deserialize(cls, value: Any) -> Any:
        return dynamodb_item(value)


class UserIdentity(BaseModel):
    type: Literal["Service"]
    principalId: Literal["dynamodb.amazonaws.com"]


class DynamoDBStreamRecordModel(BaseModel):
    eventID: str
    eventName: Literal["INSERT", "MODIFY", "REMOVE"]
    eventVersion: float
    eventSource: Literal["aws:dynamodb"]
    awsRegion: str
    eventSourceARN: str
    dynamodb: DynamoDBStreamChangedRecordModel
    userIdentity: UserIdentity | None = None


class DynamoDBStreamModel(BaseModel):
    Records: list[DynamoDBStreamRecordModel]


class DDBStreamBatchInfo(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel)

    approximate_arrival_of_first_record: datetime
    approximate_arrival_of_last_record: datetime
    batch_size: int
    end_sequence_number: str
    shard_id: str
    start_sequence_number: str
    stream_arn: str


class RequestContext(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel)

    approximate_invoke_count: int
    condition: str
    function_arn: str
    request_id: str


class ResponseContext(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel)

    executed_version: str
    function_error: str | None = None
    status_code: int


class DynamoDBStreamLambdaOnFailureDestinationModel(BaseModel):
    """The record Lambda sends to an on-failure destination for a DynamoDB Streams batch."""

    model_config = ConfigDict(alias_generator=to_camel)

    ddb_stream_batch_info: DDBStreamBatchInfo = Field(alias="DDBStreamBatchInfo")
    request_context: RequestContext
    response_context: ResponseContext
    timestamp: datetime
    version: str
