"""The demo's account of what happened, as plain text (with colour on a terminal)."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from tools.demo.capture import Output, emf_values

# Log keys every record has; the account shows the rest.
_STANDARD_KEYS = {"level", "location", "message", "timestamp", "service", "sampling_rate", "xray_trace_id"}
_TRACE_KEYS = {"exception", "stack_trace"}
_CONTEXT_KEYS = {"cold_start", "function_name", "function_memory_size", "function_arn", "function_request_id"}


class Report:
    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.__stdout__ or sys.stdout
        self.colour = self.stream.isatty()

    def _paint(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.colour else text

    def line(self, text: str = "", indent: int = 0) -> None:
        self.stream.write("  " * indent + text + "\n")
        self.stream.flush()

    def step(self, number: int, title: str) -> None:
        self.line()
        self.line(self._paint(f"── {number}. {title} ", "1;36") + "─" * max(0, 60 - len(title)))

    def request(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> None:
        extra = "".join(f"  {k}: {v}" for k, v in (headers or {}).items())
        self.line(self._paint(f"→ {method} {path}", "1") + extra)
        if body is not None:
            self.line(json.dumps(body), 1)

    def response(self, response: dict[str, Any], max_body: int | None = None) -> None:
        body = str(response.get("body") or "")
        if max_body is not None and len(body) > max_body:
            size = len(body)
            body = f"{' '.join(body.split())[:max_body]}… ({size} characters)"
        self.line(self._paint(f"← {response['statusCode']}", "1") + f"  {body}")

    def output(self, output: Output) -> None:
        if output.logs:
            self.line("log records (CloudWatch Logs):")
            for record in output.logs:
                keys = {k: v for k, v in record.items() if k not in _STANDARD_KEYS | _CONTEXT_KEYS | _TRACE_KEYS}
                if "exception" in record:  # the record holds the whole traceback; its last line says enough
                    keys["exception"] = str(record["exception"]).strip().splitlines()[-1]
                context = f"request {record['function_request_id']}" if "function_request_id" in record else ""
                self.line(f"{record['level']:<7} {record['message']}  {json.dumps(keys, default=str)}  {context}", 1)
        if output.metrics:
            self.line("metrics (recovered from the EMF documents):")
            for document in output.metrics:
                for name, value, unit, dimensions in emf_values(document):
                    dims = ", ".join(f"{k}={v}" for k, v in dimensions.items())
                    self.line(
                        f"{document['_aws']['CloudWatchMetrics'][0]['Namespace']}/{name} = {value} {unit}  [{dims}]", 1
                    )
        for line in output.other:
            self.line(line, 1)

    def trace(self, lines: list[str]) -> None:
        if lines:
            self.line("trace (X-Ray segments received by the daemon):")
            for line in lines:
                self.line(line, 1)

    def items(self, title: str, items: list[Any]) -> None:
        self.line(f"{title}:")
        for item in items:
            self.line(json.dumps(item, sort_keys=True, default=str), 1)
        if not items:
            self.line("(none)", 1)

    def check(self, ok: bool, what: str) -> None:
        mark = self._paint("✔", "32") if ok else self._paint("✘", "31")
        self.line(f"{mark} {what}")
