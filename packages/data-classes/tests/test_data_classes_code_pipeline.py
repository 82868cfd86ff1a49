"""CodePipeline artifacts through a real boto3 S3 client against moto (server mode)."""

from __future__ import annotations

import io
import json
import zipfile

import boto3
import pytest

from powertools.data_classes import CodePipelineJobEvent
from powertools.data_classes.code_pipeline_job_event import CodePipelineArtifactError


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


@pytest.fixture
def job(aws, load_event) -> CodePipelineJobEvent:
    event = CodePipelineJobEvent(load_event("codepipeline_job"))
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket=event.input_bucket_name)
    s3.put_object(
        Bucket=event.input_bucket_name,
        Key=event.input_object_key,
        Body=_zip({"report.json": json.dumps({"tests": 12, "failed": 0}), "README.txt": "build 42"}),
    )
    return event


def test_job_fields(load_event) -> None:
    event = CodePipelineJobEvent(load_event("codepipeline_job"))
    assert event.get_id == "af617b99-733d-4059-9dc4-7434c37f4399"
    assert event.decoded_user_parameters == {"url": "https://api.example.com/prod/api/health", "expectedStatus": 200}
    assert event.input_bucket_name == "codepipeline-us-east-1-790732812971"
    assert (
        event.find_output_artifact("SmokeTestReport").location.s3_location.key == "todos-pipeline/SmokeTest/Rz7Wm2L.zip"
    )
    assert event.find_input_artifact("Nope") is None
    assert "wJalrXUtnFEMI" not in repr(event.data.artifact_credentials)
    assert "wJalrXUtnFEMI" not in str(event)
    assert "'secret_access_key': '[SENSITIVE]'" in str(event)


def test_get_artifact_reads_a_file_from_the_zip(job: CodePipelineJobEvent) -> None:
    assert json.loads(job.get_artifact("BuildOutput", "report.json")) == {"tests": 12, "failed": 0}
    assert job.get_artifact("BuildOutput", "README.txt") == "build 42"
    assert zipfile.ZipFile(io.BytesIO(job.get_artifact("BuildOutput"))).namelist() == ["report.json", "README.txt"]
    assert job.get_artifact("Unknown") is None
    with pytest.raises(CodePipelineArtifactError, match=r"cannot read 'missing\.txt' from artifact 'BuildOutput'"):
        job.get_artifact("BuildOutput", "missing.txt")


def test_put_artifact_writes_the_output_object(job: CodePipelineJobEvent) -> None:
    job.put_artifact("SmokeTestReport", b'{"ok": true}', "application/json")
    location = job.find_output_artifact("SmokeTestReport").location.s3_location
    stored = boto3.client("s3").get_object(Bucket=location.bucket_name, Key=location.key)
    assert stored["Body"].read() == b'{"ok": true}'
    assert stored["ContentType"] == "application/json"
    with pytest.raises(CodePipelineArtifactError, match=r"Artifact not found: Nope\."):
        job.put_artifact("Nope", b"", "text/plain")
