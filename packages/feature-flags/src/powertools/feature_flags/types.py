"""Type aliases (upstream: aws_lambda_powertools.utilities.feature_flags.types)."""

from __future__ import annotations

from typing import Any, TypeVar, Union

# A JSON value as json.loads returns it.
JSONType = Union[str, int, float, bool, None, dict[str, Any], list[Any]]
T = TypeVar("T")
