"""``DatadogMetrics``: the Metrics API over the Datadog provider, shared by every instance."""

from __future__ import annotations

from typing import Any, ClassVar

from powertools.metrics.provider.base import AnyCallableT
from powertools.metrics.provider.datadog.datadog import DatadogProvider


class DatadogMetrics:
    """Datadog metrics for Lambda; every instance records into the same metric list and default tags.

    metrics = DatadogMetrics(namespace="shop")

    @metrics.log_metrics(capture_cold_start_metric=True)
    def handler(event, context):
        metrics.add_metric(name="orders", value=1, channel="web")
    """

    _metrics: ClassVar[list[dict[str, Any]]] = []
    _default_tags: ClassVar[dict[str, Any]] = {}

    def __init__(
        self,
        namespace: str | None = None,
        flush_to_log: bool | None = None,
        default_tags: dict[str, Any] | None = None,
        provider: DatadogProvider | None = None,
    ) -> None:
        if default_tags:
            self._default_tags.update(default_tags)
        if provider is None:
            provider = DatadogProvider(
                metric_set=self._metrics,
                namespace=namespace,
                flush_to_log=flush_to_log,
                default_tags=self._default_tags,
            )
        self.provider = provider

    @property
    def metric_set(self) -> list[dict[str, Any]]:
        return self.provider.metric_set

    @property
    def default_tags(self) -> dict[str, Any]:
        return self.provider.default_tags

    @property
    def namespace(self) -> str:
        return self.provider.namespace

    @namespace.setter
    def namespace(self, namespace: str) -> None:
        self.provider.namespace = namespace

    def add_metric(self, name: str, value: float, timestamp: int | None = None, **tags: Any) -> None:
        self.provider.add_metric(name=name, value=value, timestamp=timestamp, **tags)

    def serialize_metric_set(self, metrics: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        return self.provider.serialize_metric_set(metrics=metrics)

    def flush_metrics(self, raise_on_empty_metrics: bool = False) -> None:
        self.provider.flush_metrics(raise_on_empty_metrics=raise_on_empty_metrics)

    def clear_metrics(self) -> None:
        self.provider.clear_metrics()

    def set_default_tags(self, **tags: Any) -> None:
        self.provider.set_default_tags(**tags)

    def clear_default_tags(self) -> None:
        self.provider.clear_default_tags()

    def log_metrics(
        self,
        lambda_handler: AnyCallableT | None = None,
        capture_cold_start_metric: bool = False,
        raise_on_empty_metrics: bool = False,
        default_tags: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> Any:
        return self.provider.log_metrics(
            lambda_handler=lambda_handler,
            capture_cold_start_metric=capture_cold_start_metric,
            raise_on_empty_metrics=raise_on_empty_metrics,
            default_tags=default_tags,
            **kwargs,
        )


def reset_shared_state() -> None:
    """Forget every DatadogMetrics' recorded metrics and default tags (for tests)."""
    DatadogMetrics._metrics.clear()
    DatadogMetrics._default_tags.clear()
