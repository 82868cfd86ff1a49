"""``hatch run demo --serve``: the orders API over real HTTP, against the demo's local services.

The same embedded services as the scenario (moto, AppConfigData, the X-Ray capture), seeded
the same way; the orders API's Lambda handler behind the event handler's local dev server,
invoked as API Gateway (REST) would invoke it. The function's log records and EMF metrics
go to this terminal, as they would go to CloudWatch Logs; the dev server logs one line per
request on stderr. SIGINT (Ctrl-C) or SIGTERM stops the server, then the services; exit 0.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from contextlib import ExitStack
from types import FrameType
from typing import Any

from tools.demo.report import Report

EXAMPLE_ORDER = '{"customer_id": "c-1001", "lines": [{"sku": "KB-01", "quantity": 2, "unit_price": 49.5}]}'


class _Stopped(BaseException):
    """A stop signal arrived while the services were still starting (a BaseException, like KeyboardInterrupt)."""


class StopSignals:
    """SIGINT and SIGTERM set ``stop``; until ``serving`` is True they also abort the start-up."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.serving = False
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> StopSignals:
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._previous[sig] = signal.signal(sig, self._on_signal)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self.stop.set()
        if not self.serving:
            raise _Stopped(signal.Signals(signum).name)


class LambdaLike:
    """A handler called the way the Lambda runtime calls one: a fresh X-Ray trace header each time.

    ``handler`` is set once the example is imported, which happens after the services are up
    (the example reads their endpoints from the environment at import).
    """

    def __init__(self) -> None:
        self.handler: Callable[[dict[str, Any], Any], Any] | None = None

    def __call__(self, event: dict[str, Any], context: Any) -> Any:
        from tools.demo.scenario import new_trace_header

        if self.handler is None:
            raise RuntimeError("the orders API is not loaded yet")
        new_trace_header()  # safe: the dev server runs one invocation at a time, like one environment
        return self.handler(event, context)


def serve(report: Report, host: str = "127.0.0.1", port: int = 3000) -> int:
    """Serve until SIGINT/SIGTERM; 0 after a clean stop, 2 when the port can't be had."""
    from powertools.event_handler.dev_server import DevServerError, ServerOptions, create_server
    from tools.demo.local_aws import local_aws
    from tools.demo.scenario import load_example

    invoke = LambdaLike()
    try:  # listen first: a busy port fails at once, before any service starts
        server = create_server(invoke, ServerOptions(format_name="rest", function_name="orders"), host, port)
    except DevServerError as exc:
        report.line(f"error: {exc}")
        return 2
    with StopSignals() as signals, ExitStack() as stack:
        stack.callback(server.server_close)
        try:
            report.line(
                "Starting local services: moto (DynamoDB, SQS, SSM, Secrets Manager), AppConfigData, X-Ray daemon"
            )
            with local_aws() as aws:
                report.line(
                    f"  moto at {aws.moto.endpoint_url}, AppConfigData at {aws.appconfig.endpoint_url}, "
                    f"X-Ray at {aws.xray.address}"
                )
                invoke.handler = load_example("orders_api").handler
                thread = threading.Thread(target=server.serve_forever, args=(0.05,), name="dev-server", daemon=True)
                thread.start()
                signals.serving = True
                _print_urls(report, server.url)
                signals.stop.wait()
                report.line("Stopping the dev server, then the local services")
                server.shutdown()
                thread.join(timeout=5)
        except _Stopped as signalled:
            report.line(f"{signalled} before the API was served: stopped the local services")
            return 0
    report.line("Stopped.")
    return 0


def _print_urls(report: Report, base: str) -> None:
    report.line()
    report.line(f"Orders API:  {base}")
    report.line(f"Swagger UI:  {base}/swagger")
    report.line(f"OpenAPI:     {base}/swagger?format=json")
    report.line()
    report.line("Try it:")
    report.line(
        f"curl -i -X POST {base}/orders -H 'Content-Type: application/json' -H 'Idempotency-Key: k-1' "
        f"-d '{EXAMPLE_ORDER}'",
        1,
    )
    report.line(f"curl -i {base}/orders/<order_id from the answer>", 1)
    report.line()
    report.line("The function's log records and EMF metrics follow below; Ctrl-C stops.")
