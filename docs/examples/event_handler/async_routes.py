import asyncio

from powertools.common.typing import LambdaContext
from powertools.event_handler import APIGatewayHttpResolver

app = APIGatewayHttpResolver()


async def fetch_price(sku: str) -> float:
    await asyncio.sleep(0.01)  # stands in for an aiohttp or aioboto3 call
    return {"KB-01": 49.0, "MS-02": 19.5}[sku]


@app.get("/prices")
async def prices() -> dict:
    skus = ["KB-01", "MS-02"]
    values = await asyncio.gather(*(fetch_price(sku) for sku in skus))  # concurrently
    return dict(zip(skus, values, strict=True))


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return asyncio.run(app.resolve_async(event, context))
