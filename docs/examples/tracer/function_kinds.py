import asyncio
import contextlib
from collections.abc import Iterator

from powertools.common.typing import LambdaContext
from powertools.tracer import Tracer

tracer = Tracer(service="orders")


@tracer.capture_method
async def fetch(order_id: str) -> dict:  # coroutine
    await asyncio.sleep(0)  # e.g. an aiohttp or aioboto3 call
    return {"id": order_id, "lines": 3}


@tracer.capture_method
def pages(count: int) -> Iterator[int]:  # generator: the subsegment spans the iteration
    yield from range(count)


@tracer.capture_method
@contextlib.contextmanager
def reservation(order_id: str) -> Iterator[dict]:  # context manager: the yielded value is the response
    yield {"order": order_id}


@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    with reservation(event["orderId"]) as held:
        order = asyncio.run(fetch(event["orderId"]))
        printed = list(pages(order["lines"]))
    return {"reserved": held["order"], "pages": printed}
