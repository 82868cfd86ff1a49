"""The orders service's data: what a client sends, what it gets back, what the queue carries.

The API validates requests against these models from its routes' type hints and documents
them in its OpenAPI schema (``/swagger``), descriptions and examples included.
"""

from __future__ import annotations

from typing import Literal

from powertools.parser import BaseModel, Field


class OrderLine(BaseModel):
    sku: str = Field(min_length=1, max_length=32, description="stock keeping unit", examples=["KB-01"])
    quantity: int = Field(gt=0, le=100, description="units ordered, 1 to 100")
    unit_price: float = Field(gt=0, description="price of one unit, before tax")


class OrderRequest(BaseModel):
    """An order as the client places it."""

    customer_id: str = Field(min_length=1, max_length=64, examples=["c-1001"])
    tier: Literal["standard", "gold"] = Field("standard", description="the customer's tier (gold may ship express)")
    lines: list[OrderLine] = Field(min_length=1, max_length=50)


class OrderReceipt(BaseModel):
    """A placed order: its id, the total with tax, and how it ships."""

    order_id: str = Field(description="the id to read the order back with")
    total: str = Field(description="total with tax, two decimals", examples=["148.80"])
    shipping: Literal["standard", "express"]


class FulfilmentMessage(BaseModel):
    """Body of a message on the fulfilment queue."""

    order_id: str
    sku: str
    quantity: int = Field(gt=0)
