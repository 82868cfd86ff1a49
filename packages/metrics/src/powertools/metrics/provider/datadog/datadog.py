"""Datadog: metrics go to the Datadog Lambda extension, or to the log for Datadog's log forwarder."""

from __future__ import annotations

import json
import os
import re
import time
import warnings
from typing import Any

from powertools.common.config import env_bool
from powertools.common.encoder import Encoder
from powertools.metrics.exceptions import MetricValueError, SchemaValidationError
from powertools.metrics.functions import METRICS_NAMESPACE_ENV, is_metrics_disabled, to_metric_value
from powertools.metrics.provider.base import AnyCallableT, BaseProvider
from powertools.metrics.provider.cloudwatch_emf.cloudwatch import EMPTY_METRICS_WARNING
from powertools.metrics.provider.datadog.warnings import DatadogDataValidationWarning

DEFAULT_NAMESPACE = "default"
DATADOG_FLUSH_TO_LOG_ENV = "DD_FLUSH_TO_LOG"
# https://docs.datadoghq.com/metrics/custom_metrics/#naming-custom-metrics
METRIC_NAME_REGEX = re.compile(r"^[a-zA-Z][a-zA-Z0-9_.]{0,199}$")
MAX_TAG_LENGTH = 200


class DatadogProvider(BaseProvider):
    """Records ``{"m": name, "v": value, "e": epoch seconds, "t": ["key:value", ...]}`` per metric.

    Flushing submits through ``datadog_lambda`` (the Datadog Lambda layer / extension) when it is
    installed and ``flush_to_log`` is off; otherwise each metric is printed as one log line in the
    format the Datadog Forwarder reads.
    """

    def __init__(
        self,
        metric_set: list[dict[str, Any]] | None = None,
        namespace: str | None = None,
        flush_to_log: bool | None = None,
        default_tags: dict[str, Any] | None = None,
    ) -> None:
        self.metric_set: list[dict[str, Any]] = metric_set if metric_set is not None else []
        self.namespace = namespace or os.environ.get(METRICS_NAMESPACE_ENV) or DEFAULT_NAMESPACE
        self.default_tags: dict[str, Any] = default_tags if default_tags is not None else {}
        self.flush_to_log = env_bool(DATADOG_FLUSH_TO_LOG_ENV, default=False, choice=flush_to_log)

    def add_metric(
        self,
        name: str,
        value: float,
        timestamp: int | None = None,
        **tags: Any,
    ) -> None:
        """Record a metric; keyword arguments become its tags (``product="latte"`` → ``product:latte``)."""
        if type(name) is not str or not METRIC_NAME_REGEX.match(name):
            raise SchemaValidationError(
                f"Invalid metric name {name!r}: Datadog needs a letter first, then at most 199 ASCII letters, "
                "digits, underscores or periods (https://docs.datadoghq.com/metrics/custom_metrics/)"
            )
        number = to_metric_value(name, value)
        if timestamp is not None and (type(timestamp) is not int or timestamp < 0):
            raise MetricValueError(f"Metric {name!r}: timestamp {timestamp!r} is not epoch seconds")
        _warn_on_invalid_tags(tags)
        # Keep ints as ints: Datadog shows what was sent.
        self.metric_set.append(
            {
                "m": name,
                "v": value if type(value) is int else number,
                "e": timestamp if timestamp is not None else int(time.time()),
                "t": tags,
            }
        )

    def serialize_metric_set(self, metrics: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        """The metrics as Datadog expects them: namespaced names and ``key:value`` tag lists."""
        if metrics is None:
            metrics = self.metric_set
        if not metrics:
            raise SchemaValidationError("Must contain at least one metric.")
        prefix = "" if self.namespace == DEFAULT_NAMESPACE else f"{self.namespace}."
        return [
            {
                "m": f"{prefix}{metric['m']}",
                "v": metric["v"],
                "e": metric["e"],
                "t": [f"{key}:{value}" for key, value in {**self.default_tags, **metric["t"]}.items()],
            }
            for metric in metrics
        ]

    def flush_metrics(self, raise_on_empty_metrics: bool = False) -> None:
        try:
            if not self.metric_set:
                if raise_on_empty_metrics:
                    raise SchemaValidationError("Must contain at least one metric.")
                warnings.warn(EMPTY_METRICS_WARNING, stacklevel=2)
                return
            metrics = self.serialize_metric_set()
            submit = None if self.flush_to_log else _datadog_lambda_metric()
            if submit is not None:
                for metric in metrics:
                    submit(metric_name=metric["m"], value=metric["v"], timestamp=metric["e"], tags=metric["t"])
            elif not is_metrics_disabled():
                for metric in metrics:
                    print(json.dumps(metric, cls=Encoder, separators=(",", ":"), ensure_ascii=False))
        finally:
            self.clear_metrics()

    def clear_metrics(self) -> None:
        self.metric_set.clear()

    def add_cold_start_metric(self, context: Any) -> None:
        self.add_metric(name="ColdStart", value=1, function_name=context.function_name)

    def set_default_tags(self, **tags: Any) -> None:
        """Tags added to every metric, across invocations; a metric's own tag of the same key wins."""
        _warn_on_invalid_tags(tags)
        self.default_tags.update(tags)

    def clear_default_tags(self) -> None:
        self.default_tags.clear()

    def log_metrics(
        self,
        lambda_handler: AnyCallableT | None = None,
        capture_cold_start_metric: bool = False,
        raise_on_empty_metrics: bool = False,
        default_tags: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> Any:
        if default_tags:
            self.set_default_tags(**default_tags)
        return super().log_metrics(
            lambda_handler=lambda_handler,
            capture_cold_start_metric=capture_cold_start_metric,
            raise_on_empty_metrics=raise_on_empty_metrics,
            **kwargs,
        )


def _warn_on_invalid_tags(tags: dict[str, Any]) -> None:
    for key, value in tags.items():
        tag = f"{key}:{value}"
        if not tag[0].isalpha() or len(tag) > MAX_TAG_LENGTH:
            warnings.warn(
                f"Invalid tag {tag!r}: Datadog tags start with a letter and are at most {MAX_TAG_LENGTH} "
                "characters; this metric may lose data (https://docs.datadoghq.com/getting_started/tagging/)",
                DatadogDataValidationWarning,
                stacklevel=3,
            )


def _datadog_lambda_metric() -> Any:
    """``datadog_lambda.metric.lambda_metric`` when the Datadog layer is present, else None."""
    try:
        from datadog_lambda.metric import lambda_metric  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    return lambda_metric


__all__ = ["DEFAULT_NAMESPACE", "DatadogProvider"]
