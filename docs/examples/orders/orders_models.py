"""The orders service's data: what a client sends, what the queue carries."""

from __future__ import annotations

from powertools.parser import BaseModel, Field


class OrderLine(BaseModel):
    sku: str = Field(min_length=1, max_length=32)
    quantity: int = Field(gt=0, le=100)
    unit_price: float = Field(gt=0)


class OrderRequest(BaseModel):
    customer_id: str = Field(min_length=1, max_length=64)
    tier: str = "standard"
    lines: list[OrderLine] = Field(min_length=1, max_length=50)


class FulfilmentMessage(BaseModel):
    """Body of a message on the fulfilment queue."""

    order_id: str
    sku: str
    quantity: int = Field(gt=0)
