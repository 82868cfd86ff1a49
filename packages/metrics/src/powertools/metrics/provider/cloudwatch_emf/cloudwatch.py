"""CloudWatch Embedded Metric Format: metrics become JSON log lines CloudWatch turns into metrics."""

from __future__ import annotations

import os
import time
import warnings
from typing import TYPE_CHECKING, Any

from powertools.common.config import SERVICE_NAME_ENV
from powertools.common.warnings import PowertoolsUserWarning
from powertools.metrics.exceptions import (
    InvalidTimestampError,
    MetricResolutionError,
    MetricUnitError,
    SchemaValidationError,
)
from powertools.metrics.functions import (
    METRICS_FUNCTION_NAME_ENV,
    METRICS_NAMESPACE_ENV,
    emit,
    encode_compact,
    extract_cloudwatch_metric_resolution_value,
    extract_cloudwatch_metric_unit_value,
    resolve_timestamp,
    to_metric_value,
)
from powertools.metrics.provider.base import AnyCallableT, BaseProvider
from powertools.metrics.provider.cloudwatch_emf.constants import (
    MAX_DIMENSION_NAME_LENGTH,
    MAX_DIMENSION_VALUE_LENGTH,
    MAX_DIMENSIONS,
    MAX_METRIC_NAME_LENGTH,
    MAX_METRICS,
    MAX_NAMESPACE_LENGTH,
)
from powertools.metrics.provider.cloudwatch_emf.metric_properties import MetricResolution, MetricUnit

if TYPE_CHECKING:
    from datetime import datetime

    from powertools.metrics.provider.cloudwatch_emf.types import CloudWatchEMFOutput, MetricNameUnitResolution

TIMESTAMP_WARNING = (
    "This metric doesn't meet the requirements and will be skipped by Amazon CloudWatch. "
    "Ensure the timestamp is within 14 days past or 2 hours future."
)
EMPTY_METRICS_WARNING = (
    "No application metrics to publish. The cold-start metric may be published if enabled. "
    "If application metrics should never be empty, consider using 'raise_on_empty_metrics'"
)
# The document's own key; a metric, dimension or metadata key of that name would corrupt it.
RESERVED_KEY = "_aws"


class AmazonCloudWatchEMFProvider(BaseProvider):
    """Collects metrics, dimensions and metadata and prints them as CloudWatch EMF documents.

    Environment: POWERTOOLS_METRICS_NAMESPACE (namespace), POWERTOOLS_SERVICE_NAME (the ``service``
    dimension), POWERTOOLS_METRICS_FUNCTION_NAME (``function_name`` of the ColdStart metric),
    POWERTOOLS_METRICS_DISABLED / POWERTOOLS_DEV (output off / pretty).
    """

    def __init__(
        self,
        metric_set: dict[str, Any] | None = None,
        dimension_set: dict[str, str] | None = None,
        namespace: str | None = None,
        metadata_set: dict[str, Any] | None = None,
        service: str | None = None,
        default_dimensions: dict[str, Any] | None = None,
        function_name: str | None = None,
    ) -> None:
        self.metric_set: dict[str, Any] = metric_set if metric_set is not None else {}
        self.dimension_set: dict[str, str] = dimension_set if dimension_set is not None else {}
        self.metadata_set: dict[str, Any] = metadata_set if metadata_set is not None else {}
        self.default_dimensions: dict[str, Any] = default_dimensions if default_dimensions is not None else {}
        self.namespace = namespace or os.environ.get(METRICS_NAMESPACE_ENV) or None
        self.service = service or os.environ.get(SERVICE_NAME_ENV) or None
        self.function_name = function_name or os.environ.get(METRICS_FUNCTION_NAME_ENV) or None
        self.timestamp: int | None = None
        if self.namespace is not None and len(self.namespace) > MAX_NAMESPACE_LENGTH:
            raise SchemaValidationError(
                f"Metric namespace {self.namespace[:40]!r}... is longer than {MAX_NAMESPACE_LENGTH} characters"
            )
        for name, value in self.default_dimensions.items():
            self.add_dimension(name, value)

    # --- recording ---------------------------------------------------------------------

    def add_metric(
        self,
        name: str,
        unit: MetricUnit | str,
        value: float,
        resolution: MetricResolution | int = 60,
    ) -> None:
        """Add a value to a metric; repeated names become multi-value metrics (one unit per name)."""
        if name.__class__ is not str:
            raise _invalid_metric_name(name)
        # Inline fast paths for the common arguments (a float/int, a MetricUnit, 60 or 1): this runs
        # for every data point, and each avoided call is measurable per invocation.
        kind = value.__class__
        number = float(value) if kind is float or kind is int else to_metric_value(name, value)
        if number - number != 0.0:  # NaN or infinity
            number = to_metric_value(name, value)
        unit_value = unit.value if unit.__class__ is MetricUnit else extract_cloudwatch_metric_unit_value(unit, name)
        seconds = (
            resolution
            if resolution.__class__ is int and (resolution == 60 or resolution == 1)
            else extract_cloudwatch_metric_resolution_value(resolution, name)
        )

        metric_set = self.metric_set
        metric = metric_set.get(name)
        if metric is None:
            if not name or len(name) > MAX_METRIC_NAME_LENGTH or name == RESERVED_KEY:
                raise _invalid_metric_name(name)
            metric_set[name] = {"Unit": unit_value, "StorageResolution": seconds, "Value": [number]}
            full = len(metric_set) == MAX_METRICS
        else:
            if metric["Unit"] != unit_value:
                raise MetricUnitError(
                    f"Metric {name!r} already has unit {metric['Unit']!r} in this document; "
                    f"it can't also use {unit_value!r}"
                )
            if metric["StorageResolution"] != seconds:
                raise MetricResolutionError(
                    f"Metric {name!r} already has resolution {metric['StorageResolution']} in this document; "
                    f"it can't also use {seconds}"
                )
            values = metric["Value"]
            values.append(number)
            full = len(values) == MAX_METRICS
        # EMF caps a document at 100 metrics and a metric at 100 values: publish what we have and go on.
        if full:
            self._emit(self.serialize_metric_set())
            metric_set.clear()

    def add_dimension(self, name: str, value: Any) -> None:
        """Add a dimension to every metric of this document (values are sent as strings)."""
        text = value if type(value) is str else str(value)
        if type(name) is not str or not name.strip() or not text.strip():
            warnings.warn(
                f"The dimension {name!r} doesn't meet the requirements and won't be added. "
                "Ensure the dimension name and value are non empty strings",
                stacklevel=2,
            )
            return
        if len(name) > MAX_DIMENSION_NAME_LENGTH or len(text) > MAX_DIMENSION_VALUE_LENGTH:
            # CloudWatch rejects the whole document for one such dimension: lose the dimension, not the metrics.
            warnings.warn(
                f"The dimension {name[:40]!r} doesn't meet the requirements and won't be added: CloudWatch allows "
                f"names up to {MAX_DIMENSION_NAME_LENGTH} and values up to {MAX_DIMENSION_VALUE_LENGTH} characters "
                f"(got {len(name)} and {len(text)})",
                category=PowertoolsUserWarning,
                stacklevel=2,
            )
            return
        if name == RESERVED_KEY:
            raise SchemaValidationError(f"{RESERVED_KEY!r} is reserved by the EMF format and can't be a dimension")
        if name not in self.dimension_set and len(self.dimension_set) >= MAX_DIMENSIONS:
            raise SchemaValidationError(
                f"Maximum number of dimensions exceeded ({MAX_DIMENSIONS}): Unable to add dimension {name}."
            )
        self.dimension_set[name] = text

    def add_metadata(self, key: str, value: Any) -> None:
        """Add a searchable log field that does not become a metric or dimension."""
        if type(key) is not str:
            key = str(key)
        if key == RESERVED_KEY:
            raise SchemaValidationError(f"{RESERVED_KEY!r} is reserved by the EMF format and can't be metadata")
        self.metadata_set[key] = value

    def set_timestamp(self, timestamp: int | datetime) -> None:
        """Date the metrics of the current document (epoch milliseconds or datetime).

        A timestamp CloudWatch would refuse (more than 14 days past, 2 hours future, or not a
        number of milliseconds nor a datetime) warns, as upstream, and never raises: telemetry
        must not fail the invocation. As upstream, an out-of-window number is kept (CloudWatch skips
        those metrics) and anything else falls back to the flush time.
        """
        try:
            self.timestamp = resolve_timestamp(timestamp)
        except InvalidTimestampError as exc:
            warnings.warn(f"{TIMESTAMP_WARNING} ({exc})", stacklevel=2)
            self.timestamp = timestamp if isinstance(timestamp, int) and not isinstance(timestamp, bool) else 0

    def set_default_dimensions(self, **dimensions: Any) -> None:
        """Dimensions kept across flushes and invocations."""
        for name, value in dimensions.items():
            self.add_dimension(name, value)
        self.default_dimensions.update(dimensions)

    def clear_default_dimensions(self) -> None:
        self.default_dimensions.clear()

    # --- publishing --------------------------------------------------------------------

    def serialize_metric_set(
        self,
        metrics: dict[str, Any] | None = None,
        dimensions: dict[str, str] | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> CloudWatchEMFOutput:
        """The EMF document for the recorded (or given) metrics, dimensions and metadata."""
        if metrics is None:
            metrics = self.metric_set
        if dimensions is None:
            dimensions = self.dimension_set
        if metadata is None:
            metadata = self.metadata_set
        if not metrics:
            raise SchemaValidationError("Must contain at least one metric.")
        if not self.namespace:
            raise SchemaValidationError(
                f"Must contain a metric namespace. Pass namespace= or set {METRICS_NAMESPACE_ENV}."
            )
        if self.service and "service" not in dimensions:
            if len(dimensions) >= MAX_DIMENSIONS:  # service counts toward the limit, as upstream
                raise SchemaValidationError(
                    f"Maximum number of dimensions exceeded ({MAX_DIMENSIONS}): Unable to add dimension service."
                )
            dimensions = {**dimensions, "service": self.service}
        _reject_shadowed_keys(metrics, dimensions, metadata)

        definitions: list[MetricNameUnitResolution] = []
        document: CloudWatchEMFOutput = {
            "_aws": {
                "Timestamp": self.timestamp or int(time.time() * 1000),
                "CloudWatchMetrics": [
                    {"Namespace": self.namespace, "Dimensions": [list(dimensions)], "Metrics": definitions}
                ],
            },
            **dimensions,
            **metadata,
        }
        # Metric values go last, after dimension values and metadata, in the order they were first added.
        for name, metric in metrics.items():
            if metric["StorageResolution"] == 1:
                definitions.append({"Name": name, "Unit": metric["Unit"], "StorageResolution": 1})
            else:  # standard resolution is EMF's default and is left out, as upstream does
                definitions.append({"Name": name, "Unit": metric["Unit"]})
            document[name] = metric["Value"]
        return document

    def flush_metrics(self, raise_on_empty_metrics: bool = False) -> None:
        """Print the recorded metrics as one EMF document and start a new one."""
        try:
            if not self.metric_set:
                if raise_on_empty_metrics:
                    raise SchemaValidationError("Must contain at least one metric.")
                warnings.warn(EMPTY_METRICS_WARNING, stacklevel=2)
                return
            self._emit(self.serialize_metric_set())
        finally:
            # Never let one invocation's dimensions or metadata leak into the next, even after an error.
            self.clear_metrics()

    def _emit(self, document: dict[str, Any]) -> None:
        """Print the document; metadata JSON can't hold is dropped with a warning, the rest still goes out."""
        try:
            emit(document)
        except (TypeError, ValueError, OverflowError):
            for key in [k for k in self.metadata_set if k in document]:
                try:
                    encode_compact({key: document[key]})
                except (TypeError, ValueError, OverflowError) as exc:
                    warnings.warn(
                        f"Metadata {key!r} can't be written as JSON and was dropped: {type(exc).__name__}: {exc}",
                        category=PowertoolsUserWarning,
                        stacklevel=3,
                    )
                    del document[key]
            emit(document)

    def clear_metrics(self) -> None:
        self.metric_set.clear()
        self.dimension_set.clear()
        self.metadata_set.clear()
        self.timestamp = None
        for name, value in self.default_dimensions.items():
            self.dimension_set[name] = value if type(value) is str else str(value)

    def add_cold_start_metric(self, context: Any) -> None:
        """Print the ColdStart metric in its own document, with function_name, service and default dimensions."""
        cold_start = AmazonCloudWatchEMFProvider(
            namespace=self.namespace, service=self.service, default_dimensions=dict(self.default_dimensions)
        )
        cold_start.add_dimension("function_name", self.function_name or context.function_name)
        cold_start.add_metric(name="ColdStart", unit=MetricUnit.Count, value=1)
        cold_start.flush_metrics()

    def log_metrics(
        self,
        lambda_handler: AnyCallableT | None = None,
        capture_cold_start_metric: bool = False,
        raise_on_empty_metrics: bool = False,
        default_dimensions: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> Any:
        """Decorate a handler: flush after each invocation; optionally add ColdStart and default dimensions."""
        if default_dimensions:
            self.set_default_dimensions(**default_dimensions)
        return super().log_metrics(
            lambda_handler=lambda_handler,
            capture_cold_start_metric=capture_cold_start_metric,
            raise_on_empty_metrics=raise_on_empty_metrics,
            **kwargs,
        )


def _invalid_metric_name(name: object) -> SchemaValidationError:
    return SchemaValidationError(
        f"Invalid metric name {name!r}: expected a non-empty string of at most "
        f"{MAX_METRIC_NAME_LENGTH} characters, other than {RESERVED_KEY!r}"
    )


def _reject_shadowed_keys(metrics: dict[str, Any], dimensions: dict[str, str], metadata: dict[str, Any]) -> None:
    # Everything shares the document's top level: a metadata key equal to a dimension would replace
    # the dimension's value, and CloudWatch would file the metric under the wrong dimension.
    if dimensions.keys().isdisjoint(metrics) and (
        not metadata or (metadata.keys().isdisjoint(dimensions) and metadata.keys().isdisjoint(metrics))
    ):
        return
    clashes = (dimensions.keys() & metrics.keys()) | (metadata.keys() & (dimensions.keys() | metrics.keys()))
    raise SchemaValidationError(
        f"Keys used twice at the top level of the EMF document (metric, dimension or metadata): {sorted(clashes)}"
    )
