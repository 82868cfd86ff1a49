"""AWS CodePipeline job event, with artifact download/upload through boto3 (optional extra)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from powertools.common.dict_wrapper import DictWrapper, parse_json
from powertools.common.exceptions import PowertoolsError
from powertools.data_classes._fields import Field, ListOf, Section, mapping

__all__ = [
    "CodePipelineActionConfiguration",
    "CodePipelineArtifact",
    "CodePipelineArtifactError",
    "CodePipelineArtifactCredentials",
    "CodePipelineConfiguration",
    "CodePipelineData",
    "CodePipelineEncryptionKey",
    "CodePipelineJobEvent",
    "CodePipelineLocation",
    "CodePipelineS3Location",
]

_VERSION = "0.2.0"
# Artifacts are read into memory: refuse absurd sizes instead of exhausting the function.
MAX_ARTIFACT_BYTES = 256 * 1024 * 1024


class CodePipelineArtifactError(PowertoolsError, ValueError):
    """An artifact is missing, too large, or not the zip it should be."""


class CodePipelineConfiguration(DictWrapper):
    function_name = Field[str]("FunctionName")
    user_parameters = Field[str]("UserParameters", "The action's free-form parameter string.")

    @property
    def decoded_user_parameters(self) -> Any:
        """``user_parameters`` parsed as JSON (cached); ``{}`` when absent, as upstream."""

        def decode() -> Any:
            raw = self.user_parameters
            if raw is None:
                return {}
            return parse_json(raw, field="UserParameters", deserializer=self._json_deserializer)

        return self._cached("decoded_user_parameters", decode)


class CodePipelineActionConfiguration(DictWrapper):
    configuration = Section(CodePipelineConfiguration, "configuration")


class CodePipelineS3Location(DictWrapper):
    bucket_name = Field[str]("bucketName")
    key = Field[str]("objectKey")
    object_key = Field[str]("objectKey")


class CodePipelineLocation(DictWrapper):
    get_type = Field[str]("type", "Always ``S3``.")
    s3_location = Section(CodePipelineS3Location, "s3Location")


class CodePipelineArtifact(DictWrapper):
    name = Field[str]("name")
    revision = Field[str]("revision")
    location = Section(CodePipelineLocation, "location")


class CodePipelineArtifactCredentials(DictWrapper):
    """Temporary credentials for the artifact bucket; never log them."""

    _sensitive_properties = ("secret_access_key", "session_token")  # as upstream: hidden from str()

    access_key_id = Field[str]("accessKeyId")
    secret_access_key = Field[str]("secretAccessKey")
    session_token = Field[str]("sessionToken")
    expiration_time = Field[int]("expirationTime", "Epoch milliseconds.")


class CodePipelineEncryptionKey(DictWrapper):
    get_id = Field[str]("id")
    get_type = Field[str]("type", "``KMS``.")


class CodePipelineData(DictWrapper):
    action_configuration = Section(CodePipelineActionConfiguration, "actionConfiguration")
    input_artifacts = ListOf(CodePipelineArtifact, "inputArtifacts")
    output_artifacts = ListOf(CodePipelineArtifact, "outputArtifacts")
    artifact_credentials = Section(CodePipelineArtifactCredentials, "artifactCredentials")
    continuation_token = Field[str]("continuationToken", "Set when the job continues an earlier run.")
    encryption_key = Section(CodePipelineEncryptionKey, "encryptionKey", optional=True)


class CodePipelineJobEvent(DictWrapper):
    """A pipeline's Lambda invoke action; report back with ``put_job_success_result``/``failure``."""

    @property
    def _job(self) -> DictWrapper:
        return DictWrapper(mapping(self._data.get("CodePipeline.job") or {}, "CodePipeline.job"))

    @property
    def get_id(self) -> str | None:
        """The job id to report the result for."""
        return self._job._data.get("id")

    @property
    def account_id(self) -> str | None:
        return self._job._data.get("accountId")

    @property
    def data(self) -> CodePipelineData:
        return CodePipelineData(mapping(self._job._data.get("data") or {}, "CodePipeline.job.data"))

    @property
    def user_parameters(self) -> str | None:
        return self.data.action_configuration.configuration.user_parameters

    @property
    def decoded_user_parameters(self) -> Any:
        return self.data.action_configuration.configuration.decoded_user_parameters

    @property
    def input_bucket_name(self) -> str | None:
        """The first input artifact's bucket."""
        artifacts = self.data.input_artifacts
        return artifacts[0].location.s3_location.bucket_name if artifacts else None

    @property
    def input_object_key(self) -> str | None:
        """The first input artifact's key."""
        artifacts = self.data.input_artifacts
        return artifacts[0].location.s3_location.key if artifacts else None

    def setup_s3_client(self) -> Any:
        """An S3 client using the job's artifact credentials (needs boto3)."""
        from powertools.common.aws import build_client

        credentials = self.data.artifact_credentials
        return build_client(
            "s3",
            utility="data-classes",
            version=_VERSION,
            aws_access_key_id=credentials.access_key_id,
            aws_secret_access_key=credentials.secret_access_key,
            aws_session_token=credentials.session_token,
        )

    def find_input_artifact(self, artifact_name: str) -> CodePipelineArtifact | None:
        return next((a for a in self.data.input_artifacts if a.name == artifact_name), None)

    def find_output_artifact(self, artifact_name: str) -> CodePipelineArtifact | None:
        return next((a for a in self.data.output_artifacts if a.name == artifact_name), None)

    def get_artifact(self, artifact_name: str, filename: str | None = None) -> Any:
        """Download an input artifact.

        With ``filename``, the artifact is read as a zip and that file's text is returned;
        without it, the object's raw bytes. None when no input artifact has that name.
        """
        artifact = self.find_input_artifact(artifact_name)
        if artifact is None:
            return None
        location = artifact.location.s3_location
        body = self.setup_s3_client().get_object(Bucket=location.bucket_name, Key=location.key)["Body"]
        raw = body.read(MAX_ARTIFACT_BYTES + 1)
        if len(raw) > MAX_ARTIFACT_BYTES:
            raise CodePipelineArtifactError(f"artifact {artifact_name!r} is larger than {MAX_ARTIFACT_BYTES} bytes")
        if filename is None:
            return raw
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                return archive.read(filename).decode("utf-8")
        except (zipfile.BadZipFile, KeyError) as exc:
            raise CodePipelineArtifactError(
                f"cannot read {filename!r} from artifact {artifact_name!r}: {exc}"
            ) from None

    def put_artifact(self, artifact_name: str, body: Any, content_type: str) -> None:
        """Upload ``body`` as an output artifact, encrypted with the job's KMS key if it has one."""
        artifact = self.find_output_artifact(artifact_name)
        if artifact is None:
            raise CodePipelineArtifactError(f"Artifact not found: {artifact_name}.")
        location = artifact.location.s3_location
        extra: dict[str, Any] = {}
        key = self.data.encryption_key
        if key is not None:
            extra = {
                "ServerSideEncryption": "aws:kms" if key.get_type == "KMS" else key.get_type,
                "SSEKMSKeyId": key.get_id,
            }
        self.setup_s3_client().put_object(
            Bucket=location.bucket_name,
            Key=location.key,
            ContentType=content_type,
            Body=body,
            BucketKeyEnabled=True,
            **extra,
        )
