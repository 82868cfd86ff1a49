"""A cached parameter read through a provider (the common warm-invocation path)."""

from __future__ import annotations

import time
from typing import Any

from tools.bench.adapter import Api
from tools.bench.workloads.base import Call, Target, Workload

VALUE = "postgres://db.internal:5432/orders"


def build(api: Api) -> Call:
    base = api.get("parameters", "BaseProvider")

    class StaticProvider(base):  # type: ignore[misc,valid-type]
        def _get(self, name: str, **sdk_options: Any) -> str:
            return VALUE

        def _get_multiple(self, path: str, **sdk_options: Any) -> dict[str, str]:
            return {"db": VALUE}

    provider = StaticProvider()
    return lambda: provider.get("/bench/db-url", max_age=300)


def bare() -> Call:
    cache: dict[str, tuple[float, str]] = {}

    def get(name: str, max_age: int) -> str:
        hit = cache.get(name)
        now = time.monotonic()
        if hit is not None and hit[0] > now:
            return hit[1]
        cache[name] = (now + max_age, VALUE)
        return VALUE

    return lambda: get("/bench/db-url", 300)


WORKLOADS = [
    Workload(
        name="parameters.cached_get",
        utility="parameters",
        description="BaseProvider.get of a cached value (max_age=300)",
        build=build,
        bare=bare,
        target=Target(0.5),  # issue 18: at most half of upstream's per-call cost
    ),
]
