"""Amazon S3 Batch Operations "invoke Lambda function" events, schema 1.0 and 2.0."""

from typing import Any, Literal

from pydantic import BaseModel, model_validator


class S3BatchOperationTaskModel(BaseModel):
    taskId: str
    s3Key: str  # URL-encoded as S3 sends it
    s3VersionId: str | None = None
    s3BucketArn: str | None = None
    s3Bucket: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _bucket_name_from_arn(cls, values: Any) -> Any:
        # Schema 1.0 sends only the bucket ARN; fill in the name so both schemas read alike.
        if isinstance(values, dict) and values.get("s3BucketArn") and not values.get("s3Bucket"):
            values = {**values, "s3Bucket": str(values["s3BucketArn"]).split(":::")[-1]}
        return values


class S3BatchOperationJobModel(BaseModel):
    id: str
    userArguments: dict[str, Any] | None = None


class S3BatchOperationModel(BaseModel):
    invocationId: str
    invocationSchemaVersion: Literal["1.0", "2.0"]
    job: S3BatchOperationJobModel
    tasks: list[S3BatchOperationTaskModel]
