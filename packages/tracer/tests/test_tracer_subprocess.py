"""Fresh interpreters: a cold Lambda process as the runtime starts it, and the import cost when disabled."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from powertools.tracer import Tracer

COLD_LAMBDA = textwrap.dedent(
    """
    import boto3
    from powertools.tracer import Tracer

    tracer = Tracer(service="inventory", patch_modules=["botocore"])

    @tracer.capture_method
    def bucket_names():
        return [b["Name"] for b in boto3.client("s3").list_buckets()["Buckets"]]

    @tracer.capture_lambda_handler
    def handler(event, context):
        boto3.client("s3").create_bucket(Bucket="stock")
        return {"buckets": bucket_names()}

    print(handler({}, None))
    """
)


def _run(code: str, env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_cold_lambda_process_traces_handler_method_and_patched_aws_calls(aws, xray_daemon):
    env = {
        **os.environ,
        "LAMBDA_TASK_ROOT": "/var/task",
        "_X_AMZN_TRACE_ID": "Root=1-6566c2b1-3f7a2c1e9d8b7a6f5e4d3c2b;Parent=53995c3f42cd8ad8;Sampled=1",
        "AWS_XRAY_DAEMON_ADDRESS": xray_daemon.address,
    }
    assert _run(COLD_LAMBDA, env) == "{'buckets': ['stock']}\n"

    docs = xray_daemon.wait_for(4)
    names = sorted(d["name"] for d in docs)
    assert names == ["## __main__.bucket_names", "## handler", "s3", "s3"]
    by_id = {d["id"]: d for d in docs}
    handler = next(d for d in docs if d["name"] == "## handler")
    method = next(d for d in docs if d["name"] == "## __main__.bucket_names")
    operations = {d["aws"]["operation"]: by_id[d["parent_id"]]["name"] for d in docs if d["name"] == "s3"}
    # Each AWS call hangs under the subsegment that made it.
    assert operations == {"CreateBucket": "## handler", "ListBuckets": "## __main__.bucket_names"}
    assert handler["parent_id"] == "53995c3f42cd8ad8"
    assert handler["annotations"] == {"ColdStart": True, "Service": "inventory"}
    assert handler["metadata"] == {"inventory": {"handler response": {"buckets": ["stock"]}}}
    assert method["metadata"] == {"inventory": {"__main__.bucket_names response": ["stock"]}}
    s3 = next(d for d in docs if d["name"] == "s3")
    assert s3["namespace"] == "aws"
    assert s3["http"]["response"]["status"] == 200


IMPORT_CHECK = textwrap.dedent(
    """
    import sys
    from powertools.tracer import Tracer

    tracer = Tracer(service="svc")

    @tracer.capture_method
    def work():
        return 1

    @tracer.capture_lambda_handler
    def handler(event, context):
        tracer.put_annotation("Key", "value")
        tracer.put_metadata("key", "value")
        return work()

    handler({}, None)
    heavy = sorted(m for m in sys.modules if m.split(".")[0] in {"aws_xray_sdk", "opentelemetry", "botocore", "wrapt"})
    print(tracer.disabled, heavy)
    """
)


def test_disabled_tracer_never_imports_the_xray_sdk():
    env = {k: v for k, v in os.environ.items() if k != "LAMBDA_TASK_ROOT"}
    assert _run(IMPORT_CHECK, env) == "True []\n"
    env = {**env, "LAMBDA_TASK_ROOT": "/var/task", "POWERTOOLS_TRACE_DISABLED": "1"}
    assert _run(IMPORT_CHECK, env) == "True []\n"


def test_package_import_is_light():
    code = "import sys, powertools.tracer; print(sorted(m for m in sys.modules if m.startswith('powertools.tracer')))"
    assert _run(code, dict(os.environ)) == "['powertools.tracer']\n"


def test_disabled_capture_method_adds_no_call_overhead():
    # The structural guarantee behind "within 1.2x of a bare call": no wrapper exists.
    tracer = Tracer(disabled=True)

    def bare(a: int, b: int) -> int:
        return a + b

    assert tracer.capture_method(bare) is bare
    assert json.loads(json.dumps(bare(1, 2))) == 3
