"""Run the handler like Lambda does: one invocation at a time, with a deadline."""

from __future__ import annotations

import asyncio
import inspect
import sys
import threading
import traceback
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any

from powertools.common.typing import LocalLambdaContext
from powertools.event_handler.dev_server.loader import Handler


async def _awaited(awaitable: Awaitable[Any]) -> Any:
    return await awaitable


@dataclass
class Outcome:
    """What one invocation produced: a result, an exception, or nothing before the deadline."""

    result: Any = None
    error: BaseException | None = None
    timed_out: bool = False
    busy: bool = False


class Invoker:
    """Calls the handler in a worker thread and stops waiting at the timeout.

    Resolvers keep per-request state on the app object (``current_event``), so, like one
    Lambda execution environment, invocations run one at a time. A timed-out invocation
    cannot be killed (Python threads can't be); it finishes in the background and the
    next request waits for it, at most one timeout long, then gets a 503.
    """

    def __init__(self, handler: Handler, *, timeout: float, function_name: str) -> None:
        self.handler = handler
        self.timeout = timeout
        self.function_name = function_name
        self._lock = threading.Lock()

    def invoke(self, event: dict[str, Any]) -> Outcome:
        if not self._lock.acquire(timeout=self.timeout):
            return Outcome(busy=True)
        outcome = Outcome()
        done = threading.Event()
        context = LocalLambdaContext(function_name=self.function_name, timeout_seconds=self.timeout)

        def run() -> None:
            try:
                result = self.handler(event, context)
                if inspect.isawaitable(result):  # an async def handler, or resolve_async
                    result = asyncio.run(_awaited(result))
                outcome.result = result
            except BaseException as exc:  # reported to the caller, printed below
                outcome.error = exc
                print(f"handler raised (request {context.aws_request_id}):", file=sys.stderr)
                traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
            finally:
                done.set()
                self._lock.release()

        worker = threading.Thread(target=run, name=f"invoke-{context.aws_request_id[:8]}", daemon=True)
        try:
            worker.start()
        except BaseException:
            self._lock.release()
            raise
        if not done.wait(self.timeout):
            return Outcome(timed_out=True)
        return outcome
