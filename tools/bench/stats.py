"""Summary statistics for timing samples: the median and its spread."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any


class EmptySampleError(ValueError):
    """Statistics were asked of no samples."""


@dataclass(frozen=True)
class Summary:
    """Median and spread of per-call times, in nanoseconds."""

    n: int
    median: float
    q1: float
    q3: float
    minimum: float
    maximum: float

    @property
    def iqr(self) -> float:
        return self.q3 - self.q1

    @property
    def spread(self) -> float:
        """The interquartile range relative to the median (0.05 = ±5%-ish); robust to outliers."""
        return self.iqr / self.median if self.median else 0.0

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "iqr": self.iqr, "spread": self.spread}


def summarize(samples: Sequence[float]) -> Summary:
    if not samples:
        raise EmptySampleError("cannot summarize an empty list of samples")
    ordered = sorted(samples)
    if len(ordered) == 1:
        q1 = q3 = ordered[0]
    else:
        # "inclusive" treats the samples as the whole population: q1/q3 stay within min..max.
        q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    return Summary(
        n=len(ordered),
        median=statistics.median(ordered),
        q1=q1,
        q3=q3,
        minimum=ordered[0],
        maximum=ordered[-1],
    )


def ratio(numerator: Summary | None, denominator: Summary | None) -> float | None:
    """numerator.median / denominator.median, or None when either side is missing or zero."""
    if numerator is None or denominator is None or denominator.median <= 0:
        return None
    return numerator.median / denominator.median
