"""Amazon S3 Batch Operations "invoke Lambda" event and its response."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import unquote_plus

from powertools.common.dict_wrapper import DictWrapper
from powertools.common.exceptions import PowertoolsError
from powertools.data_classes._fields import Field, Records, Section, text

__all__ = [
    "S3BatchOperationEvent",
    "S3BatchOperationJob",
    "S3BatchOperationResponse",
    "S3BatchOperationResponseError",
    "S3BatchOperationResponseRecord",
    "S3BatchOperationTask",
]

RESULT_CODE_TYPE = Literal["Succeeded", "TemporaryFailure", "PermanentFailure"]
VALID_RESULT_CODES: tuple[str, ...] = ("Succeeded", "TemporaryFailure", "PermanentFailure")


class S3BatchOperationResponseError(PowertoolsError, ValueError):
    """A response S3 Batch Operations would reject."""


def _check_code(value: str, name: str) -> None:
    if value not in VALID_RESULT_CODES:
        raise S3BatchOperationResponseError(f"{name} must be one of {', '.join(VALID_RESULT_CODES)}, got {value!r}")


@dataclass(repr=False, order=False)
class S3BatchOperationResponseRecord:
    """The outcome of one task; ``result_string`` appears in the job's completion report."""

    task_id: str
    result_code: RESULT_CODE_TYPE
    result_string: str | None = None

    def __post_init__(self) -> None:
        _check_code(self.result_code, "result_code")

    def asdict(self) -> dict[str, Any]:
        return {"taskId": self.task_id, "resultCode": self.result_code, "resultString": self.result_string}


@dataclass(repr=False, order=False)
class S3BatchOperationResponse:
    """The function's answer: exactly one result, for the invocation's single task."""

    invocation_schema_version: str
    invocation_id: str
    treat_missing_keys_as: RESULT_CODE_TYPE = "Succeeded"
    results: list[S3BatchOperationResponseRecord] = field(default_factory=list)

    def __post_init__(self) -> None:
        _check_code(self.treat_missing_keys_as, "treat_missing_keys_as")

    def add_result(self, result: S3BatchOperationResponseRecord) -> None:
        self.results.append(result)

    def asdict(self) -> dict[str, Any]:
        if len(self.results) != 1:
            raise S3BatchOperationResponseError(f"Response must have exactly one result, but got {len(self.results)}")
        return {
            "invocationSchemaVersion": self.invocation_schema_version,
            "treatMissingKeysAs": self.treat_missing_keys_as,
            "invocationId": self.invocation_id,
            "results": [result.asdict() for result in self.results],
        }


class S3BatchOperationJob(DictWrapper):
    get_id = Field[str]("id")

    @property
    def user_arguments(self) -> dict[str, str]:
        """Key/value pairs given when creating the job (schema 2.0)."""
        return dict(self._section("userArguments"))


class S3BatchOperationTask(DictWrapper):
    task_id = Field[str]("taskId")
    s3_version_id = Field[str]("s3VersionId")
    s3_bucket_arn = Field[str]("s3BucketArn", "Schema 1.0.")

    @property
    def s3_key(self) -> str | None:
        """The object key, URL-decoded."""
        key = self._data.get("s3Key")
        return None if key is None else unquote_plus(text(key, "s3Key"))

    @property
    def s3_bucket(self) -> str | None:
        """The bucket name (schema 2.0 sends it; 1.0 sends only the ARN, so it is derived)."""
        arn = self.s3_bucket_arn
        if isinstance(arn, str) and arn:
            return arn.split(":::")[-1]
        return self._data.get("s3Bucket")

    def build_task_batch_response(
        self, result_code: RESULT_CODE_TYPE = "Succeeded", result_string: str = ""
    ) -> S3BatchOperationResponseRecord:
        return S3BatchOperationResponseRecord(self.task_id or "", result_code, result_string)


class S3BatchOperationEvent(DictWrapper):
    """One task of a Batch Operations job."""

    invocation_id = Field[str]("invocationId")
    invocation_schema_version = Field[Literal["1.0", "2.0"]]("invocationSchemaVersion")
    tasks = Records(S3BatchOperationTask, "tasks")
    job = Section(S3BatchOperationJob, "job")

    @property
    def task(self) -> S3BatchOperationTask:
        """The (single) task."""
        return next(self.tasks, S3BatchOperationTask({}))
