"""S3 event notifications delivered through an SQS queue: each body is an S3 event."""

from pydantic import Json

from powertools.parser.models.s3 import S3Model
from powertools.parser.models.sqs import SqsModel, SqsRecordModel


class S3SqsEventNotificationRecordModel(SqsRecordModel):
    body: Json[S3Model]


class S3SqsEventNotificationModel(SqsModel):
    Records: list[S3SqsEventNotificationRecordModel]
