"""``hatch run demo``: start the local services, run the orders scenario, print the account.

Exits 0 when every step behaved as expected, 1 naming the steps that did not.
"""

from __future__ import annotations

import argparse
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hatch run demo", description=__doc__)
    parser.parse_args(argv)
    from tools.demo.capture import StdoutCapture
    from tools.demo.local_aws import local_aws
    from tools.demo.report import Report
    from tools.demo.scenario import Demo

    report = Report(sys.stdout)
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
