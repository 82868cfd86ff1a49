"""``Metrics`` (state shared by every instance in the sandbox) and ``EphemeralMetrics`` (isolated)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from powertools.metrics.provider.base import AnyCallableT
from powertools.metrics.provider.cloudwatch_emf.cloudwatch import AmazonCloudWatchEMFProvider
from powertools.metrics.provider.cloudwatch_emf.metric_properties import MetricResolution, MetricUnit

if TYPE_CHECKING:
    from datetime import datetime

    from powertools.metrics.provider.cloudwatch_emf.types import CloudWatchEMFOutput


class Metrics:
    """CloudWatch EMF metrics, up to 100 per document, flushed by ``log_metrics`` after each invocation.

    Every ``Metrics()`` in the process records into the same metric, dimension and metadata sets,
    so you can create one in each module and they all publish together.

        metrics = Metrics(namespace="ServerlessAirline", service="booking")

        @metrics.log_metrics(capture_cold_start_metric=True)
        def handler(event, context):
            metrics.add_metric(name="SuccessfulBooking", unit=MetricUnit.Count, value=1)
    """

    _metrics: ClassVar[dict[str, Any]] = {}
    _dimensions: ClassVar[dict[str, str]] = {}
    _metadata: ClassVar[dict[str, Any]] = {}
    _default_dimensions: ClassVar[dict[str, Any]] = {}

    def __init__(
        self,
        service: str | None = None,
        namespace: str | None = None,
        provider: AmazonCloudWatchEMFProvider | None = None,
        function_name: str | None = None,
    ) -> None:
        if provider is None:
            provider = AmazonCloudWatchEMFProvider(
                metric_set=self._metrics,
                dimension_set=self._dimensions,
                metadata_set=self._metadata,
                default_dimensions=self._default_dimensions,
                namespace=namespace,
                service=service,
                function_name=function_name,
            )
        self.provider = provider
        # The hot methods resolve straight to the provider: no extra call per data point. A custom
        # provider need only implement BaseProvider's abstract methods (as upstream); the others
        # then raise when used, naming what the provider lacks.
        self.add_metric = provider.add_metric  # type: ignore[method-assign]
        self.flush_metrics = provider.flush_metrics  # type: ignore[method-assign]
        for name in ("add_dimension", "add_metadata"):
            if hasattr(provider, name):
                setattr(self, name, getattr(provider, name))

    # The provider's state, under upstream's attribute names.
    @property
    def metric_set(self) -> dict[str, Any]:
        return self.provider.metric_set

    @property
    def dimension_set(self) -> dict[str, str]:
        return self.provider.dimension_set

    @property
    def metadata_set(self) -> dict[str, Any]:
        return self.provider.metadata_set

    @property
    def default_dimensions(self) -> dict[str, Any]:
        return self.provider.default_dimensions

    @property
    def namespace(self) -> str | None:
        return self.provider.namespace

    @namespace.setter
    def namespace(self, namespace: str | None) -> None:
        self.provider.namespace = namespace

    @property
    def service(self) -> str | None:
        return self.provider.service

    @service.setter
    def service(self, service: str | None) -> None:
        self.provider.service = service

    def add_metric(
        self,
        name: str,
        unit: MetricUnit | str,
        value: float,
        resolution: MetricResolution | int = 60,
    ) -> None:
        self.provider.add_metric(name=name, unit=unit, value=value, resolution=resolution)

    def add_dimension(self, name: str, value: Any) -> None:
        self.provider.add_dimension(name=name, value=value)

    def add_metadata(self, key: str, value: Any) -> None:
        self.provider.add_metadata(key=key, value=value)

    def set_timestamp(self, timestamp: int | datetime) -> None:
        self.provider.set_timestamp(timestamp=timestamp)

    def set_default_dimensions(self, **dimensions: Any) -> None:
        self.provider.set_default_dimensions(**dimensions)

    def clear_default_dimensions(self) -> None:
        self.provider.clear_default_dimensions()

    def serialize_metric_set(
        self,
        metrics: dict[str, Any] | None = None,
        dimensions: dict[str, str] | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> CloudWatchEMFOutput:
        return self.provider.serialize_metric_set(metrics=metrics, dimensions=dimensions, metadata=metadata)

    def flush_metrics(self, raise_on_empty_metrics: bool = False) -> None:
        self.provider.flush_metrics(raise_on_empty_metrics=raise_on_empty_metrics)

    def clear_metrics(self) -> None:
        self.provider.clear_metrics()

    def log_metrics(
        self,
        lambda_handler: AnyCallableT | None = None,
        capture_cold_start_metric: bool = False,
        raise_on_empty_metrics: bool = False,
        default_dimensions: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> Any:
        """Flush after every invocation of the (sync or async) handler, even when it raises."""
        return self.provider.log_metrics(
            lambda_handler=lambda_handler,
            capture_cold_start_metric=capture_cold_start_metric,
            raise_on_empty_metrics=raise_on_empty_metrics,
            default_dimensions=default_dimensions,
            **kwargs,
        )


class EphemeralMetrics(Metrics):
    """Like ``Metrics``, but each instance keeps its own metrics, dimensions and metadata."""

    def __init__(
        self,
        service: str | None = None,
        namespace: str | None = None,
        provider: AmazonCloudWatchEMFProvider | None = None,
        function_name: str | None = None,
    ) -> None:
        if provider is None:
            provider = AmazonCloudWatchEMFProvider(namespace=namespace, service=service, function_name=function_name)
        super().__init__(service=service, namespace=namespace, provider=provider, function_name=function_name)


def reset_shared_state() -> None:
    """Forget everything every ``Metrics`` recorded, default dimensions included (for tests)."""
    Metrics._metrics.clear()
    Metrics._dimensions.clear()
    Metrics._metadata.clear()
    Metrics._default_dimensions.clear()
