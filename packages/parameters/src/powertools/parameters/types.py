"""Type aliases users import for annotations (upstream: ``parameters.types``)."""

from __future__ import annotations

from typing import Literal

TransformOptions = Literal["json", "binary", "auto", None]

__all__ = ["TransformOptions"]
