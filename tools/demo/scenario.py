"""The scripted scenario: real handlers, real SDK calls to the local services, checked.

Each step invokes a handler the way Lambda would (an event and a context), prints what the
function logged, measured and traced and what it left in DynamoDB and SQS, and checks the
outcome a user relies on. A failed check names its step; the demo exits non-zero.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from powertools.common.typing import LocalLambdaContext
from powertools_testing.events import sqs_event_from_messages
from tools.demo.capture import Output, StdoutCapture, emf_values, trace_tree
from tools.demo.local_aws import (
    FLAGS_EXPRESS_FOR_GOLD,
    FULFILMENT_TABLE,
    IDEMPOTENCY_TABLE,
    ORDERS_TABLE,
    PAYMENT_KEY,
    LocalAWS,
    queue_bodies,
    scan,
)
from tools.demo.report import Report

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "orders"
FLAG_POLL_SECONDS = 15  # AppConfig's minimum poll interval, which the flag store honours

GOOD_ORDER = {
    "customer_id": "c-1001",
    "lines": [{"sku": "KB-01", "quantity": 2, "unit_price": 49.5}, {"sku": "MS-07", "quantity": 1, "unit_price": 25}],
}
BAD_ORDER = {"customer_id": "c-1002", "lines": [{"sku": "KB-01", "quantity": 0, "unit_price": 49.5}]}
GOLD_ORDER = {"customer_id": "c-2001", "tier": "gold", "lines": [{"sku": "HD-55", "quantity": 1, "unit_price": 199}]}
POISON = "{not json: this message can never be processed"
ORDER_KEY = "checkout-7f3a"


@dataclass
class Invocation:
    event: dict[str, Any]
    response: dict[str, Any]
    output: Output
    trace: list[str]
    raw: str

    @property
    def body(self) -> Any:
        return json.loads(self.response["body"]) if self.response.get("body") else None


@dataclass
class Demo:
    aws: LocalAWS
    report: Report
    capture: StdoutCapture
    failures: list[str] = field(default_factory=list)
    step_title: str = ""
    max_body: int | None = None  # longer response bodies are shortened in the account
    api: Any = None
    consumer: Any = None

    # --- running handlers --------------------------------------------------------------

    def load_handlers(self) -> None:
        self.api = load_example("orders_api")

    def _invoke(self, handler: Any, event: dict[str, Any]) -> Invocation:
        # What the Lambda runtime does per invocation: a fresh trace header and request id.
        root = new_trace_header()
        before = len(self.aws.xray.documents())
        context = LocalLambdaContext(function_name="orders", timeout_seconds=10)
        self.capture.drain()
        response = handler(event, context)
        raw = self.capture.drain()
        # Only this invocation's trace: the demo's own SDK calls between steps are traced too.
        documents = [d for d in self._wait_for_segments(before) if d.get("trace_id") == root]
        return Invocation(event, response, Output.parse(raw), trace_tree(documents), raw)

    def _wait_for_segments(self, before: int) -> list[dict[str, Any]]:
        # UDP datagrams arrive a moment after the handler returns; wait until they stop coming.
        seen, quiet_since = before, time.monotonic()
        while time.monotonic() - quiet_since < 0.2:
            time.sleep(0.02)
            now = len(self.aws.xray.documents())
            if now != seen:
                seen, quiet_since = now, time.monotonic()
        return self.aws.xray.documents()[before:]

    def call_api(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        query: dict[str, str] | None = None,
    ) -> Invocation:
        target = f"{path}?{urlencode(query)}" if query else path
        self.report.request(method, target, body, headers)
        event = api_gateway_event(method, path, body, headers or {}, query)
        invocation = self._invoke(self.api.handler, event)
        self.report.response(invocation.response, max_body=self.max_body)
        self.report.output(invocation.output)
        self.report.trace(invocation.trace)
        self.check(PAYMENT_KEY not in invocation.raw, "the payment key appears in no log line")
        return invocation

    # --- checks ------------------------------------------------------------------------

    def step(self, number: int, title: str) -> None:
        self.step_title = f"{number}. {title}"
        self.report.step(number, title)

    def check(self, ok: bool, what: str) -> None:
        self.report.check(ok, what)
        if not ok:
            self.failures.append(f"step {self.step_title}: {what}")

    # --- the scenario ------------------------------------------------------------------

    def run(self) -> list[str]:
        self.load_handlers()
        created = self.create_order()
        self.retry_create(created)
        self.read_order(created)
        self.reject_invalid_order()
        self.flip_feature_flag()
        self.consume_with_a_poison_message()
        self.describe_the_api()
        return self.failures

    def create_order(self) -> dict[str, Any]:
        self.step(1, "Create an order")
        self.flags_first_read = time.monotonic()
        first = self.call_api("POST", "/orders", GOOD_ORDER, {"Idempotency-Key": ORDER_KEY})
        body = first.body or {}
        self.check(first.response["statusCode"] == 201, "201 Created")
        self.check(body.get("total") == "148.80", "total = (2 * 49.50 + 25.00) * 1.20 tax (rate from SSM) = 148.80")
        self.check(body.get("shipping") == "standard", "standard shipping (feature flag off)")
        request_id = first.event["requestContext"]["requestId"]
        logs = first.output.logs
        self.check(
            bool(logs) and all(r.get("correlation_id") == request_id for r in logs),
            "every log record carries the API Gateway request id as correlation_id",
        )
        metrics = {name: value for doc in first.output.metrics for name, value, _, _ in emf_values(doc)}
        self.check(
            metrics.get("OrderCreated") == 1.0 and metrics.get("ColdStart") == 1.0, "OrderCreated and ColdStart metrics"
        )
        self.check(
            any(line.strip().startswith("## orders_api.create_order") for line in first.trace),
            "create_order traced under the handler",
        )
        orders = scan(ORDERS_TABLE)
        self.report.items(f"DynamoDB table {ORDERS_TABLE}", orders)
        self.check(len(orders) == 1, "one order stored")
        return body

    def retry_create(self, created: dict[str, Any]) -> None:
        self.step(2, "The client retries the create (same Idempotency-Key)")
        retry = self.call_api("POST", "/orders", GOOD_ORDER, {"Idempotency-Key": ORDER_KEY})
        self.check(retry.response["statusCode"] == 201, "201 again")
        self.check(
            retry.body == created, "the same order id and total: the first response, from the idempotency record"
        )
        self.check(len(scan(ORDERS_TABLE)) == 1, "still one order stored (nothing charged twice)")
        self.check(not retry.output.logs, "the order code did not run again (no 'order created' log)")
        records = scan(IDEMPOTENCY_TABLE)
        self.report.items(f"DynamoDB table {IDEMPOTENCY_TABLE}", records)
        self.check([r["status"] for r in records] == ["COMPLETED"], "one COMPLETED idempotency record")
        other = self.call_api("POST", "/orders", {**GOOD_ORDER, "customer_id": "c-9"}, {"Idempotency-Key": ORDER_KEY})
        self.check(other.response["statusCode"] == 409, "a different order under the same key is refused (409)")

    def read_order(self, created: dict[str, Any]) -> None:
        self.step(3, "Read it back")
        read = self.call_api("GET", f"/orders/{created.get('order_id')}")
        self.check(read.response["statusCode"] == 200, "200 OK")
        self.check((read.body or {}).get("total") == created.get("total"), "same total as created")
        listed = self.call_api("GET", "/orders", query={"customer_id": str(GOOD_ORDER["customer_id"]), "limit": "10"})
        self.check(
            listed.response["statusCode"] == 200 and listed.body == [created],
            "the customer's orders (typed query parameters customer_id and limit): just this one",
        )
        too_few = self.call_api("GET", "/orders", query={"customer_id": str(GOOD_ORDER["customer_id"]), "limit": "0"})
        self.check(
            too_few.response["statusCode"] == 422
            and too_few.body
            == {"statusCode": 422, "detail": [{"loc": ["query", "limit"], "type": "greater_than_equal"}]},
            "limit=0 is 422, located at query.limit (it must be at least 1)",
        )
        missing = self.call_api("GET", f"/orders/{uuid.uuid4()}")
        self.check(missing.response["statusCode"] == 404, "an unknown order is 404")
        malformed = self.call_api("GET", "/orders/no-such-order")
        self.check(
            malformed.response["statusCode"] == 422
            and malformed.body
            == {"statusCode": 422, "detail": [{"loc": ["path", "order_id"], "type": "uuid_parsing"}]},
            "an order id that is no UUID is 422, located at path.order_id (the path parameter is typed)",
        )

    def reject_invalid_order(self) -> None:
        self.step(4, "Reject an invalid order")
        rejected = self.call_api("POST", "/orders", BAD_ORDER)
        self.check(
            rejected.response["statusCode"] == 422, "422 Unprocessable Entity, from the event handler's validation"
        )
        self.check(
            rejected.body
            == {"statusCode": 422, "detail": [{"loc": ["body", "lines", 0, "quantity"], "type": "greater_than"}]},
            "the error body names where (body.lines[0].quantity) and what (greater_than), upstream's shape",
        )
        self.check(not rejected.output.logs, "the order code never ran (no log record)")
        self.check(len(scan(ORDERS_TABLE)) == 1, "nothing stored")
        missing_field = self.call_api("POST", "/orders", {"lines": GOOD_ORDER["lines"]})
        self.check(
            missing_field.response["statusCode"] == 422
            and (missing_field.body or {}).get("detail") == [{"loc": ["body", "customer_id"], "type": "missing"}],
            "a missing field is 422 too, located at body.customer_id (missing)",
        )

    def flip_feature_flag(self) -> None:
        self.step(5, "Turn on express shipping for gold customers in AppConfig")
        version = self.aws.deploy_flags(FLAGS_EXPRESS_FOR_GOLD)
        self.report.line(f"deployed configuration version {version}: express_shipping when tier == gold")
        wait = self.flags_first_read + FLAG_POLL_SECONDS + 1 - time.monotonic()
        if wait > 0:
            self.report.line(
                f"the flag store polls AppConfig at most every {FLAG_POLL_SECONDS} s: waiting {wait:.0f} s"
            )
            time.sleep(wait)
        gold = self.call_api("POST", "/orders", GOLD_ORDER)
        self.check((gold.body or {}).get("shipping") == "express", "a gold customer's order now ships express")
        fetches = self.aws.appconfig.fetch_count
        self.report.line(f"AppConfig GetLatestConfiguration calls so far: {fetches}")

    def consume_with_a_poison_message(self) -> None:
        self.step(6, "Fulfil the queued order lines, one poison message among them")
        self.consumer = load_example("orders_consumer")
        import boto3

        sqs = boto3.client("sqs")
        sqs.send_message(QueueUrl=self.aws.queue_url, MessageBody=POISON)
        received = sqs.receive_message(QueueUrl=self.aws.queue_url, MaxNumberOfMessages=10, VisibilityTimeout=30)
        messages = received.get("Messages", [])
        self.report.line(f"received {len(messages)} messages from SQS; invoking the consumer with them")
        arn = sqs.get_queue_attributes(QueueUrl=self.aws.queue_url, AttributeNames=["QueueArn"])["Attributes"][
            "QueueArn"
        ]
        invocation = self._invoke(self.consumer.handler, sqs_event_from_messages(messages, arn))
        failures = {item["itemIdentifier"] for item in invocation.response.get("batchItemFailures", [])}
        self.report.line(f"← batchItemFailures: {sorted(failures)}")
        self.report.output(invocation.output)
        self.report.trace(invocation.trace)
        # What the Lambda service does with the response: delete every message not reported.
        done = [m for m in messages if m["MessageId"] not in failures]
        for message in done:
            sqs.delete_message(QueueUrl=self.aws.queue_url, ReceiptHandle=message["ReceiptHandle"])
        poison_ids = {m["MessageId"] for m in messages if m["Body"] == POISON}
        self.check(failures == poison_ids, "exactly the poison message is reported failed")
        # Lambda leaves a failed message alone; it reappears when its visibility timeout ends.
        # The demo ends it now instead of waiting 30 s.
        for message in messages:
            if message["MessageId"] in failures:
                sqs.change_message_visibility(
                    QueueUrl=self.aws.queue_url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0
                )
        left = queue_bodies(self.aws.queue_url)
        self.report.items("SQS messages left for retry", left)
        self.check(left == [POISON], "only the poison message is left in the queue")
        reserved = scan(FULFILMENT_TABLE)
        self.report.items(f"DynamoDB table {FULFILMENT_TABLE}", reserved)
        self.check(sum(int(r["reserved_units"]) for r in reserved) == 4, "4 units reserved (2 + 1 + 1)")

    def describe_the_api(self) -> None:
        self.step(7, "Fetch the API's OpenAPI document (what Swagger UI at /swagger shows)")
        self.max_body = 240
        try:
            fetched = self.call_api("GET", "/swagger", query={"format": "json"})
        finally:
            self.max_body = None
        self.check(fetched.response["statusCode"] == 200, "200 OK, application/json")
        document = fetched.body if isinstance(fetched.body, dict) else {}
        paths = document.get("paths", {})
        schemas = sorted(document.get("components", {}).get("schemas", {}))
        operations = ", ".join(f"{method.upper()} {path}" for path, ops in paths.items() for method in ops)
        self.report.line(
            f"OpenAPI {document.get('openapi')} '{document.get('info', {}).get('title')}': "
            f"paths {operations}; schemas {', '.join(schemas)}"
        )
        self.check(
            {"get", "post"} <= set(paths.get("/orders", {}))
            and "get" in paths.get("/orders/{order_id}", {})
            and not any(p.startswith("/swagger") for p in paths),
            "it documents POST and GET /orders and GET /orders/{order_id} (Swagger's own route is left out)",
        )
        create = paths.get("/orders", {}).get("post", {})
        body_schema = create.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
        self.check(
            body_schema.get("$ref", "").endswith("/OrderRequest") and "422" in create.get("responses", {}),
            "the create's body is the OrderRequest model, and its 422 validation error is documented",
        )
        # Header names are case-insensitive; the event handler documents them lower-cased, like upstream.
        headers = [str(p.get("name")).lower() for p in create.get("parameters", []) if p.get("in") == "header"]
        self.check(headers == ["idempotency-key"], "the Idempotency-Key header is documented")
        problem = spec_problem(document)
        if problem is None:
            self.check(True, "a valid OpenAPI document (openapi-spec-validator)")
        elif problem == "":
            self.report.line("openapi-spec-validator is not installed: the document's structure was not validated")
        else:
            self.check(False, f"a valid OpenAPI document (openapi-spec-validator): {problem}")


def load_example(module: str) -> Any:
    """Import one of the example service's modules (after the local services are up: they read the env)."""
    if str(EXAMPLE) not in sys.path:
        sys.path.insert(0, str(EXAMPLE))
    return importlib.import_module(module)


def new_trace_header() -> str:
    """Set ``_X_AMZN_TRACE_ID`` as the Lambda runtime does before an invocation; the new trace id."""
    root = f"1-{int(time.time()):08x}-{uuid.uuid4().hex[:24]}"
    os.environ["_X_AMZN_TRACE_ID"] = f"Root={root};Parent={uuid.uuid4().hex[:16]};Sampled=1"
    return root


def spec_problem(document: dict[str, Any]) -> str | None:
    """None when openapi-spec-validator accepts the document, its complaint if not, "" without it."""
    try:
        from openapi_spec_validator import validate
    except ImportError:
        return ""
    try:
        validate(document)
    except Exception as exc:  # the validator's error types vary across its versions
        return str(exc).splitlines()[0]
    return None


def api_gateway_event(
    method: str, path: str, body: Any, headers: dict[str, str], query: dict[str, str] | None = None
) -> dict[str, Any]:
    """A REST API (payload 1.0) proxy event, as API Gateway would send it."""
    all_headers = {"Content-Type": "application/json", "Host": "api.example.com", **headers}
    text = json.dumps(body) if body is not None else None
    if path.startswith("/orders/"):
        resource, parameters = "/orders/{order_id}", {"order_id": path.split("/", 2)[2]}
    else:
        resource, parameters = path, None
    return {
        "resource": resource,
        "path": path,
        "httpMethod": method,
        "headers": all_headers,
        "multiValueHeaders": {k: [v] for k, v in all_headers.items()},
        "queryStringParameters": dict(query) if query else None,
        "multiValueQueryStringParameters": {k: [v] for k, v in query.items()} if query else None,
        "pathParameters": parameters,
        "stageVariables": None,
        "requestContext": {
            "requestId": str(uuid.uuid4()),
            "stage": "prod",
            "httpMethod": method,
            "path": f"/prod{path}",
            "identity": {"sourceIp": "198.51.100.7", "userAgent": "powertools-demo"},
        },
        "body": text,
        "isBase64Encoded": False,
    }
