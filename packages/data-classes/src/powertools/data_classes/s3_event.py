"""Amazon S3 event notifications, directly and through EventBridge."""

from __future__ import annotations

from urllib.parse import unquote_plus

from powertools.common.dict_wrapper import DictWrapper
from powertools.data_classes._fields import Field, FieldOr, Records, Section, mapping, text
from powertools.data_classes.event_bridge_event import EventBridgeEvent

__all__ = [
    "S3Bucket",
    "S3Event",
    "S3EventBridgeNotificationDetail",
    "S3EventBridgeNotificationEvent",
    "S3EventBridgeNotificationObject",
    "S3EventNotificationEventBridgeBucket",
    "S3EventRecord",
    "S3EventRecordGlacierEventData",
    "S3EventRecordGlacierRestoreEventData",
    "S3EventRecordIntelligentTieringEventData",
    "S3Identity",
    "S3Message",
    "S3Object",
    "S3RequestParameters",
]


class S3Identity(DictWrapper):
    principal_id = Field[str]("principalId")


class S3RequestParameters(DictWrapper):
    source_ip_address = Field[str]("sourceIPAddress")


class S3Bucket(DictWrapper):
    name = Field[str]("name")
    owner_identity = Section(S3Identity, "ownerIdentity")
    arn = Field[str]("arn")


class S3Object(DictWrapper):
    key = Field[str]("key", "The object key, URL-encoded as S3 sends it (see ``S3Event.object_key``).")
    size = Field[int]("size", "Absent for delete events.")
    etag = FieldOr[str]("eTag", str, "Empty for delete events, as upstream.")
    version_id = Field[str]("versionId", "Only for versioned buckets.")
    sequencer = Field[str]("sequencer", "Orders events for the same key.")


class S3Message(DictWrapper):
    s3_schema_version = Field[str]("s3SchemaVersion")
    configuration_id = Field[str]("configurationId")
    bucket = Section(S3Bucket, "bucket")

    @property
    def get_object(self) -> S3Object:
        """The object (``object`` is a Python builtin, hence the name).

        Intelligent-Tiering notifications may name it ``get_object``; both spellings are read, as upstream.
        """
        data = self._data.get("get_object") or self._data.get("object")
        if data is None:
            return S3Object({}, self._json_deserializer)
        return S3Object(mapping(data, "object"), self._json_deserializer)


class S3EventRecordGlacierRestoreEventData(DictWrapper):
    lifecycle_restoration_expiry_time = Field[str]("lifecycleRestorationExpiryTime")
    lifecycle_restore_storage_class = Field[str]("lifecycleRestoreStorageClass")


class S3EventRecordGlacierEventData(DictWrapper):
    restore_event_data = Section(S3EventRecordGlacierRestoreEventData, "restoreEventData")


class S3EventRecordIntelligentTieringEventData(DictWrapper):
    destination_access_tier = Field[str]("destinationAccessTier")


class S3EventRecord(DictWrapper):
    event_version = Field[str]("eventVersion")
    event_source = Field[str]("eventSource")
    aws_region = Field[str]("awsRegion")
    event_time = Field[str]("eventTime", "ISO 8601 time S3 finished processing the request.")
    event_name = Field[str]("eventName", "For example ``ObjectCreated:Put``.")
    user_identity = Section(S3Identity, "userIdentity")
    request_parameters = Section(S3RequestParameters, "requestParameters")
    response_elements = Field[dict[str, str]]("responseElements", "``x-amz-request-id`` and ``x-amz-id-2``.")
    s3 = Section(S3Message, "s3")
    glacier_event_data = Section(S3EventRecordGlacierEventData, "glacierEventData", optional=True)
    intelligent_tiering_event_data = Section(
        S3EventRecordIntelligentTieringEventData, "intelligentTieringEventData", optional=True
    )


class S3Event(DictWrapper):
    """S3 event notification; Lambda receives one record per invocation."""

    records = Records(S3EventRecord)

    @property
    def record(self) -> S3EventRecord:
        """The first record."""
        return next(self.records, S3EventRecord({}))

    @property
    def bucket_name(self) -> str | None:
        return self.record.s3.bucket.name

    @property
    def object_key(self) -> str | None:
        """The first record's object key, URL-decoded (``a+b%28c%29`` -> ``a b(c)``)."""
        key = self.record.s3.get_object.key
        return None if key is None else unquote_plus(text(key, "s3.object.key"))


class S3EventNotificationEventBridgeBucket(DictWrapper):
    name = Field[str]("name")


class S3EventBridgeNotificationObject(DictWrapper):
    @property
    def key(self) -> str | None:
        """The object key, URL-decoded (``a+b%28c%29`` -> ``a b(c)``) as upstream."""
        key = self._data.get("key")
        return None if key is None else unquote_plus(text(key, "object.key"))

    size = Field[int]("size")
    etag = FieldOr[str]("etag", str, "Empty for delete events, as upstream.")
    version_id = Field[str]("version-id")
    sequencer = Field[str]("sequencer")


class S3EventBridgeNotificationDetail(DictWrapper):
    version = Field[str]("version")
    bucket = Section(S3EventNotificationEventBridgeBucket, "bucket")
    object = Section(S3EventBridgeNotificationObject, "object")  # upstream's name
    request_id = Field[str]("request-id")
    requester = Field[str]("requester")
    source_ip_address = Field[str]("source-ip-address")
    reason = Field[str]("reason", "For example ``PutObject`` or ``CopyObject``.")
    deletion_type = Field[str]("deletion-type")
    restore_expiry_time = Field[str]("restore-expiry-time")
    source_storage_class = Field[str]("source-storage-class")
    destination_storage_class = Field[str]("destination-storage-class")
    destination_access_tier = Field[str]("destination-access-tier")


class S3EventBridgeNotificationEvent(EventBridgeEvent):
    """S3 event delivered through EventBridge (``Object Created``, ``Object Deleted``, ...)."""

    detail = Section(S3EventBridgeNotificationDetail, "detail")
