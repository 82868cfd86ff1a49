"""The embedded local services the demo runs against, and the resources it seeds.

moto in server mode stands in for DynamoDB, SQS, SSM and Secrets Manager, the test
tooling's AppConfigData endpoint for AppConfig, and a UDP socket for the X-Ray daemon:
the same services the test suite uses, started and stopped by this process.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from powertools_testing.appconfig_service import AppConfigDataServer
from powertools_testing.aws_env import apply_fake_aws_env
from powertools_testing.moto_service import MotoServer
from powertools_testing.xray_daemon import XRayDaemon

ORDERS_TABLE = "orders"
IDEMPOTENCY_TABLE = "orders-idempotency"
FULFILMENT_TABLE = "fulfilment"
QUEUE = "fulfilment"
TAX_RATE = "0.20"
PAYMENT_KEY = "sk_demo_5f1c2e9a-never-printed"

FLAGS_STANDARD = {"express_shipping": {"default": False}}
FLAGS_EXPRESS_FOR_GOLD = {
    "express_shipping": {
        "default": False,
        "rules": {
            "gold customers ship express": {
                "when_match": True,
                "conditions": [{"action": "EQUALS", "key": "tier", "value": "gold"}],
            }
        },
    }
}


@dataclass
class LocalAWS:
    moto: MotoServer
    appconfig: AppConfigDataServer
    xray: XRayDaemon
    queue_url: str

    def client(self, service: str) -> Any:
        import boto3

        return boto3.client(service)

    def deploy_flags(self, flags: dict[str, Any]) -> int:
        return self.appconfig.put_configuration("shop", "demo", "features", flags)


@contextmanager
def local_aws() -> Iterator[LocalAWS]:
    """Start the services, point this process's AWS SDK and X-Ray SDK at them, seed them."""
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="powertools-demo-")))
        env = stack.enter_context(pytest.MonkeyPatch.context())
        apply_fake_aws_env(env, workdir)
        moto = MotoServer(workdir)
        moto.start()
        stack.callback(moto.stop)
        appconfig = AppConfigDataServer()
        appconfig.start()
        stack.callback(appconfig.stop)
        xray = XRayDaemon()
        xray.start()
        stack.callback(xray.stop)
        env.setenv("AWS_ENDPOINT_URL", moto.endpoint_url)
        env.setenv("AWS_ENDPOINT_URL_APPCONFIGDATA", appconfig.endpoint_url)
        # What the Lambda runtime sets: the X-Ray SDK then runs in Lambda mode.
        env.setenv("AWS_XRAY_DAEMON_ADDRESS", xray.address)
        env.setenv("LAMBDA_TASK_ROOT", str(workdir))
        env.setenv("AWS_LAMBDA_FUNCTION_NAME", "orders")
        env.delenv("_X_AMZN_TRACE_ID", raising=False)  # set per invocation; restored on exit
        queue_url = _seed(moto)
        env.setenv("ORDERS_TABLE", ORDERS_TABLE)
        env.setenv("IDEMPOTENCY_TABLE", IDEMPOTENCY_TABLE)
        env.setenv("FULFILMENT_TABLE", FULFILMENT_TABLE)
        env.setenv("FULFILMENT_QUEUE_URL", queue_url)
        aws = LocalAWS(moto, appconfig, xray, queue_url)
        aws.deploy_flags(FLAGS_STANDARD)
        yield aws


def _seed(moto: MotoServer) -> str:
    import boto3

    dynamodb = boto3.client("dynamodb")
    for table, key in ((ORDERS_TABLE, "order_id"), (IDEMPOTENCY_TABLE, "id"), (FULFILMENT_TABLE, "order_id")):
        dynamodb.create_table(
            TableName=table,
            KeySchema=[{"AttributeName": key, "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": key, "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
    ssm = boto3.client("ssm")
    ssm.put_parameter(Name="/shop/tax-rate", Value=TAX_RATE, Type="String")
    boto3.client("secretsmanager").create_secret(Name="shop/payment-api-key", SecretString=PAYMENT_KEY)
    # A visibility timeout of 0 makes a failed message visible again at once, so the demo
    # can show it is still in the queue.
    sqs = boto3.client("sqs")
    return sqs.create_queue(QueueName=QUEUE, Attributes={"VisibilityTimeout": "0"})["QueueUrl"]


def scan(table: str) -> list[dict[str, Any]]:
    """Every item of a table, with DynamoDB's type tags removed."""
    import boto3

    items = boto3.client("dynamodb").scan(TableName=table)["Items"]
    return [{k: next(iter(v.values())) for k, v in item.items()} for item in items]


def queue_bodies(queue_url: str) -> list[str]:
    """Bodies of the messages visible in the queue now (a zero visibility timeout leaves them there)."""
    import boto3

    reply = boto3.client("sqs").receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, VisibilityTimeout=0)
    return [message["Body"] for message in reply.get("Messages", [])]


def dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)
