"""Amazon S3 event notifications, directly and through EventBridge."""

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field, IPvAnyNetwork, NonNegativeFloat, model_validator

from powertools.parser.models.event_bridge import EventBridgeModel


class S3EventRecordGlacierRestoreEventData(BaseModel):
    lifecycleRestorationExpiryTime: datetime
    lifecycleRestoreStorageClass: str


class S3EventRecordGlacierEventData(BaseModel):
    restoreEventData: S3EventRecordGlacierRestoreEventData


class S3EventRecordIntelligentTieringEventData(BaseModel):
    destinationAccessTier: str


class S3Identity(BaseModel):
    principalId: str


class S3RequestParameters(BaseModel):
    sourceIPAddress: IPvAnyNetwork | Literal["s3.amazonaws.com"]


class S3ResponseElements(BaseModel):
    x_amz_request_id: str = Field(..., alias="x-amz-request-id")
    x_amz_id_2: str = Field(..., alias="x-amz-id-2")


class S3OwnerIdentify(BaseModel):
    principalId: str


class S3Bucket(BaseModel):
    name: str
    ownerIdentity: S3OwnerIdentify
    arn: str


class S3Object(BaseModel):
    key: str  # URL-encoded as S3 sends it ("my+file.txt"); unquote_plus() it for the real key
    size: NonNegativeFloat | None = None
    eTag: str | None = None
    sequencer: str | None = None
    versionId: str | None = None


class S3Message(BaseModel):
    s3SchemaVersion: str
    configurationId: str
    bucket: S3Bucket
    object: S3Object | None = None
    get_object: S3Object | None = Field(None, alias="get_object")


class S3EventNotificationObjectModel(BaseModel):
    key: str
    size: NonNegativeFloat | None = None
    etag: str = ""
    version_id: str | None = Field(None, alias="version-id")
    sequencer: str | None = None


class S3EventNotificationEventBridgeBucketModel(BaseModel):
    name: str


class S3EventNotificationEventBridgeDetailModel(BaseModel):
    version: str
    bucket: S3EventNotificationEventBridgeBucketModel
    object: S3EventNotificationObjectModel
    request_id: str = Field(..., alias="request-id")
    requester: str
    source_ip_address: str | None = Field(None, alias="source-ip-address")
    reason: str | None = None
    deletion_type: str | None = Field(None, alias="deletion-type")
    restore_expiry_time: str | None = Field(None, alias="restore-expiry-time")
    source_storage_class: str | None = Field(None, alias="source-storage-class")
    destination_storage_class: str | None = Field(None, alias="destination-storage-class")
    destination_access_tier: str | None = Field(None, alias="destination-access-tier")


class S3EventNotificationEventBridgeModel(EventBridgeModel):
    detail: S3EventNotificationEventBridgeDetailModel


class S3RecordModel(BaseModel):
    eventVersion: str
    eventSource: Literal["aws:s3"] = "aws:s3"
    awsRegion: str
    eventTime: datetime
    eventName: str
    userIdentity: S3Identity
    requestParameters: S3RequestParameters
    responseElements: S3ResponseElements
    s3: S3Message
    glacierEventData: S3EventRecordGlacierEventData | None = None
    intelligentTieringEventData: S3EventRecordIntelligentTieringEventData | None = None

    @model_validator(mode="before")
    @classmethod
    def _size_and_etag_unless_removed(cls, values: Any) -> Any:
        # Every event except removals (ObjectRemoved:*, LifecycleExpiration:Delete*) describes a stored object.
        if not isinstance(values, dict):
            return values
        event_name = values.get("eventName")
        s3 = values.get("s3")
        if not isinstance(event_name, str) or not isinstance(s3, dict):
            return values  # let the field types report it
        s3_object = s3.get("object") or s3.get("get_object") or {}
        if not isinstance(s3_object, dict):
            return values  # s3.object (or s3.get_object) not an object: its field type reports it
        if ":Delete" not in event_name and (s3_object.get("size") is None or s3_object.get("eTag") is None):
            raise ValueError(
                "Size and eTag fields are required for all events except ObjectRemoved:* and LifecycleExpiration:*."
            )
        return values


class S3Model(BaseModel):
    Records: list[S3RecordModel]
