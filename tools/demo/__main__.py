"""``hatch run demo``: start the local services, run the orders scenario, print the account.

Exits 0 when every step behaved as expected, 1 naming the steps that did not.

``hatch run demo --serve [--port N]``: start and seed the same services, then serve the orders
API over HTTP on 127.0.0.1 (Swagger UI at /swagger) until Ctrl-C.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0 to 65535; 0 picks a free one)")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="hatch run demo", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--serve", action="store_true", help="serve the orders API over HTTP until Ctrl-C instead of the scenario"
    )
    parser.add_argument("--port", type=_port, default=3000, help="--serve's port (default 3000; 0 picks a free one)")
    args = parser.parse_args(argv)
    from tools.demo.report import Report

    # A 422 or the Swagger page publishes no metric, and Metrics warns about each such invocation
    # (as upstream's does); on the demo's terminal that is noise.
    warnings.filterwarnings("ignore", message="No application metrics to publish")
    report = Report(sys.stdout)
    if args.serve:
        from tools.demo.serve import serve

        return serve(report, port=args.port)
    if args.port != parser.get_default("port"):
        parser.error("--port goes with --serve")
    from tools.demo.capture import StdoutCapture
    from tools.demo.local_aws import local_aws
    from tools.demo.scenario import Demo

    started = time.monotonic()
    report.line("Starting local services: moto (DynamoDB, SQS, SSM, Secrets Manager), AppConfigData, X-Ray daemon")
    with local_aws() as aws:
        endpoints = f"moto at {aws.moto.endpoint_url}, AppConfigData at {aws.appconfig.endpoint_url}"
        report.line(f"  {endpoints}, X-Ray at {aws.xray.address}")
        capture = StdoutCapture()
        real_stdout, sys.stdout = sys.stdout, capture  # the functions' stdout is "CloudWatch Logs"
        try:
            failures = Demo(aws, report, capture).run()
        finally:
            sys.stdout = real_stdout
    report.line()
    took = time.monotonic() - started
    if failures:
        report.line(f"FAILED after {took:.0f} s:")
        for failure in failures:
            report.line(failure, 1)
        return 1
    report.line(f"All steps behaved as expected ({took:.0f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
