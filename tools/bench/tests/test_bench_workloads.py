"""Each workload does the same work in every flavour it can run here (fingerprints are equal).

Runs the real worker subprocess with one tiny sample. "ours" is compared when its package is
installed, else it must report "not available"; upstream only when its virtualenv already exists
(the tests never create it).
"""

import json

import pytest

from tools.bench import upstream_env
from tools.bench.adapter import is_installed
from tools.bench.runner import launch, worker_env
from tools.bench.workloads import UnknownWorkloadError, all_workloads, get_workload

TINY = {"samples": 1, "warmup": 0, "min_sample_ns": 0}
UPSTREAM = upstream_env.existing()
WORKLOADS = all_workloads()


def _run(workload, flavour, python):
    return launch(python, {"workload": workload.name, "flavour": flavour, **TINY}, worker_env(workload))


# Workloads whose feature our package doesn't have yet, with the exact reason the worker gives.
NOT_BUILT_YET: dict[str, str] = {}


@pytest.mark.parametrize("workload", WORKLOADS, ids=[w.name for w in WORKLOADS])
def test_every_flavour_produces_the_bare_result(workload):
    import sys

    bare = _run(workload, "bare", sys.executable)
    assert bare["status"] == "ok", bare
    assert len(bare["samples_ns"]) == 1

    ours = _run(workload, "ours", sys.executable)
    if workload.name in NOT_BUILT_YET:
        # The package exists but the feature arrives with a later issue.
        assert ours == {"status": "not available", "reason": NOT_BUILT_YET[workload.name]}
    elif is_installed("ours", workload.utility):
        assert ours["status"] == "ok", ours
        assert ours["fingerprint"] == bare["fingerprint"]
    else:
        assert ours == {
            "status": "not available",
            "reason": f"ours {workload.utility} is not installed in {sys.executable}",
        }
    if UPSTREAM is not None:
        upstream = _run(workload, "upstream", str(UPSTREAM.python))
        assert upstream["status"] == "ok", upstream
        assert upstream["fingerprint"] == bare["fingerprint"]


def _bare_fingerprint(name):
    import sys

    reply = _run(get_workload(name), "bare", sys.executable)
    return reply["fingerprint"]


def test_logger_record_shape():
    assert _bare_fingerprint("logger.info") == {
        "keys": ["level", "location", "message", "timestamp", "service", "order_id", "amount"],
        "values": {
            "level": "INFO",
            "message": "order processed",
            "service": "bench",
            "order_id": "ord-1001",
            "amount": 19.99,
        },
    }


def test_metrics_emf_document():
    emf = _bare_fingerprint("metrics.flush")["emf"]

    assert emf["_aws"]["CloudWatchMetrics"] == [
        {
            "Namespace": "Bench",
            "Dimensions": [["environment", "region", "service"]],
            "Metrics": [{"Name": f"metric{i}", "Unit": "Count"} for i in range(10)],
        }
    ]
    assert {k: v for k, v in emf.items() if k != "_aws"} == {
        "environment": "prod",
        "region": "us-east-1",
        "service": "bench",
        **{f"metric{i}": [float(i)] for i in range(10)},
    }


def test_routing_results():
    assert _bare_fingerprint("event_handler.route 500") == {
        "statusCode": 200,
        "body": {"route": 499, "id": "42"},
        "isBase64Encoded": False,
        "contentType": ["application/json"],
    }
    assert _bare_fingerprint("event_handler.404")["body"] == {"statusCode": 404, "message": "Not found"}
    assert _bare_fingerprint("event_handler.appsync") == {"id": "todo-1", "comments": []}


def test_batch_reports_every_tenth_record():
    assert _bare_fingerprint("batch.sqs_100") == {
        "batchItemFailures": [{"itemIdentifier": f"00000000-0000-4000-8000-{i:012d}"} for i in range(0, 100, 10)]
    }


def test_other_workload_results():
    assert _bare_fingerprint("validation.apigw_envelope") == {"valid": True, "rejects_invalid": True}
    assert _bare_fingerprint("feature_flags.evaluate") == [True, False]
    assert _bare_fingerprint("idempotency.repeat_call") == {"order_id": "repeated", "status": "done"}
    assert _bare_fingerprint("idempotency.first_call") == {
        "result": {"order_id": "new", "status": "done"},
        "replayed": True,
    }
    assert _bare_fingerprint("tracer.capture_method (disabled)") == 3
    assert len(_bare_fingerprint("parser.sqs_envelope")) == 10


def test_traced_method_sends_one_subsegment_into_the_invocation_trace() -> None:
    method = "tools.bench.workloads.tracer.build_enabled.locals.get_order"
    response = {"id": "o-42", "status": "shipped"}

    assert _bare_fingerprint("tracer.capture_method (traced)") == {
        "result": response,
        "subsegments": [
            {
                "name": f"## {method}",
                "type": "subsegment",
                "namespace": "local",
                "in_progress": False,
                "annotations": {"OrderId": "o-42"},
                "metadata": {"bench": {f"{method} response": response}},
            }
        ],
        "in_invocation_trace": [True],
    }


def test_traced_method_workload_keeps_the_x_ray_daemon_on_this_machine() -> None:
    from tools.bench.workloads import tracer

    env = worker_env(get_workload("tracer.capture_method (traced)"))
    assert env["LAMBDA_TASK_ROOT"] == "/var/task"
    assert env["_X_AMZN_TRACE_ID"].endswith(";Sampled=1")
    assert "AWS_XRAY_DAEMON_ADDRESS" not in tracer.LAMBDA_ENV  # the worker sets it to its own socket
    daemon = tracer.LocalDaemon()
    try:
        assert daemon.address.startswith("127.0.0.1:")
        assert daemon.drain(first_timeout_s=0.01) == []
    finally:
        daemon.socket.close()


def test_workload_names_are_unique_and_unknown_names_fail_clearly():
    names = [w.name for w in WORKLOADS]
    assert len(names) == len(set(names))
    with pytest.raises(UnknownWorkloadError, match="nope"):
        get_workload("nope")


def test_a_broken_worker_reports_an_error_instead_of_crashing():
    import sys

    reply = launch(sys.executable, {"workload": "nope", "flavour": "bare", **TINY}, {})
    assert reply["status"] == "error"
    assert "unknown workload 'nope'" in reply["reason"]
    json.dumps(reply)
