"""Import cost and public API shape: a lazy root, upstream's names and submodules, shared classes."""

from __future__ import annotations

import subprocess
import sys

import powertools.data_classes as dc


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_importing_the_package_loads_no_class_module() -> None:
    added = _modules_after("import powertools.data_classes") - _modules_after("pass")
    ours = sorted(m for m in added if m.startswith("powertools"))
    assert ours == ["powertools", "powertools.common", "powertools.common.lazy", "powertools.data_classes"]
    # Whatever else loads is the standard library's import machinery, never a third-party package.
    assert {m.split(".")[0] for m in added} - {"powertools"} <= set(sys.stdlib_module_names) | {"__future__"}


def test_using_one_class_loads_only_its_module() -> None:
    loaded = _modules_after("from powertools.data_classes import SQSEvent")
    assert {m for m in loaded if m.startswith("powertools.data_classes.")} == {"powertools.data_classes.sqs_event"}
    assert "powertools.data_classes.s3_event" not in loaded  # nested S3 decoding loads it on use


def test_code_pipeline_does_not_import_boto3_until_asked() -> None:
    assert "boto3" not in _modules_after("from powertools.data_classes import CodePipelineJobEvent")


def test_upstream_names_are_exported() -> None:
    upstream_all = [
        "APIGatewayProxyEvent", "APIGatewayProxyEventV2", "APIGatewayWebSocketEvent", "SecretsManagerEvent",
        "AppSyncResolverEvent", "AppSyncResolverEventsEvent", "ALBEvent", "BedrockAgentEvent",
        "BedrockAgentFunctionEvent", "CloudWatchAlarmData", "CloudWatchAlarmEvent", "CloudWatchAlarmMetric",
        "CloudWatchAlarmState", "CloudWatchAlarmConfiguration", "CloudWatchAlarmMetricStat",
        "CloudWatchDashboardCustomWidgetEvent", "CloudWatchLogsEvent", "CodeDeployLifecycleHookEvent",
        "CodePipelineJobEvent", "ConnectContactFlowEvent", "DynamoDBStreamEvent", "EventBridgeEvent", "KafkaEvent",
        "KinesisFirehoseEvent", "KinesisStreamEvent", "KinesisFirehoseDataTransformationResponse",
        "KinesisFirehoseDataTransformationRecord", "KinesisFirehoseDataTransformationRecordMetadata",
        "LambdaFunctionUrlEvent", "S3Event", "S3EventBridgeNotificationEvent", "S3BatchOperationEvent",
        "S3BatchOperationResponse", "S3BatchOperationResponseRecord", "SESEvent", "SNSEvent", "SQSEvent",
        "SQSRecord", "event_source", "VPCLatticeEvent", "VPCLatticeEventV2", "CloudFormationCustomResourceEvent",
        "TransferFamilyAuthorizerResponse", "TransferFamilyAuthorizer",
    ]  # fmt: skip
    assert [name for name in upstream_all if name not in dc.__all__] == []
    for name in dc.__all__:
        assert getattr(dc, name) is not None, name
    assert dc.__version__ == "0.2.0"


def test_common_shapes_are_the_same_class_objects() -> None:
    from powertools.common.events import api_gateway, appsync, dynamodb, kinesis, sqs
    from powertools.data_classes.api_gateway_proxy_event import APIGatewayProxyEvent
    from powertools.data_classes.appsync_resolver_event import AppSyncResolverEvent
    from powertools.data_classes.dynamo_db_stream_event import DynamoDBStreamEvent
    from powertools.data_classes.kinesis_stream_event import KinesisStreamEvent
    from powertools.data_classes.sqs_event import SQSEvent

    assert APIGatewayProxyEvent is api_gateway.APIGatewayProxyEvent is dc.APIGatewayProxyEvent
    # SQS adds nested S3/SNS decoding on top of the common shape, whose events live here.
    assert issubclass(SQSEvent, sqs.SQSEvent)
    assert SQSEvent is dc.SQSEvent
    assert KinesisStreamEvent is kinesis.KinesisStreamEvent
    assert DynamoDBStreamEvent is dynamodb.DynamoDBStreamEvent
    assert AppSyncResolverEvent is appsync.AppSyncResolverEvent


def test_upstream_submodule_paths() -> None:
    from powertools.data_classes.appsync import scalar_types_utils
    from powertools.data_classes.common import BaseProxyEvent, CaseInsensitiveDict, DictWrapper
    from powertools.data_classes.event_source import event_source

    assert dc.event_source is event_source
    assert callable(scalar_types_utils.make_id)
    assert issubclass(BaseProxyEvent, DictWrapper)
    assert CaseInsensitiveDict({"A": 1})["a"] == 1


def test_submodule_imported_first_still_leaves_the_decorator_usable() -> None:
    code = (
        "import powertools.data_classes.event_source\n"
        "import powertools.data_classes as dc\n"
        "from powertools.data_classes import SQSEvent\n"
        "@dc.event_source(data_class=SQSEvent)\n"
        "def handler(event, context): return type(event).__name__\n"
        "print(handler({'Records': []}, None))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "SQSEvent\n"
