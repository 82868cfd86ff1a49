"""Backoff for throttled batch reads, bounded by the Lambda's remaining time.

botocore already retries a throttled call a few times; when SSM keeps throttling (a cold
start of many functions at once), ``get_parameters_by_name`` waits and tries again, but
only while the invocation has time left to use the values.
"""

from __future__ import annotations

import time

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    from powertools.common.typing import LambdaContext

THROTTLING_CODES = frozenset(
    {
        "ThrottlingException",
        "Throttling",
        "ThrottledException",
        "TooManyRequestsException",
        "RequestLimitExceeded",
        "ProvisionedThroughputExceededException",
    }
)
MAX_ATTEMPTS = 6  # the first call and five retries
BASE_DELAY_SECONDS = 0.1
MAX_DELAY_SECONDS = 2.0
# Never sleep into the last second of the invocation: the handler still needs it.
SAFETY_MARGIN_MS = 1000

# Module attributes, so a test can replace the clock it doesn't want to wait for.
sleep: Callable[[float], None] = time.sleep


def is_throttling(exc: BaseException) -> bool:
    response = getattr(exc, "response", None)
    if not isinstance(response, dict):
        return False
    return response.get("Error", {}).get("Code") in THROTTLING_CODES


class Backoff:
    """Full-jitter exponential backoff; ``wait()`` is false once the budget is spent."""

    def __init__(self, lambda_context: LambdaContext | None = None, max_attempts: int = MAX_ATTEMPTS) -> None:
        self.lambda_context = lambda_context
        self.max_attempts = max_attempts
        self.attempts = 1  # the call that was just throttled

    def wait(self) -> bool:
        """Sleep before the next attempt, or return False when there should be none."""
        if self.attempts >= self.max_attempts:
            return False
        import random

        # Jitter spreads the retries of many sandboxes; no security role (S311 is moot).
        delay = random.uniform(0, min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** (self.attempts - 1)))  # noqa: S311
        if self.lambda_context is not None:
            remaining_ms = self.lambda_context.get_remaining_time_in_millis()
            if remaining_ms - delay * 1000 < SAFETY_MARGIN_MS:
                return False
        sleep(delay)
        self.attempts += 1
        return True
