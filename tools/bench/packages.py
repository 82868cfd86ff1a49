"""The utilities measured for cold start and footprint, with their entry points."""

from __future__ import annotations

from dataclasses import dataclass

from tools.bench.adapter import module_path


@dataclass(frozen=True)
class Package:
    """`entry` is the code a handler module starts with; `{module}` becomes the flavour's import path."""

    utility: str
    directory: str
    entry: str
    upstream_extras: tuple[str, ...] = ()
    cold_target: float | None = None
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or self.utility

    @property
    def distribution(self) -> str:
        return f"powertools-{self.directory}"

    def code(self, flavour: str) -> str:
        return self.entry.format(module=module_path(flavour, self.utility))


PACKAGES: tuple[Package, ...] = (
    Package("logger", "logger", "from {module} import Logger", cold_target=0.4),
    Package("tracer", "tracer", "from {module} import Tracer", upstream_extras=("tracer",)),
    Package("metrics", "metrics", "from {module} import Metrics, MetricUnit"),
    Package("event_handler", "event-handler", "from {module} import APIGatewayRestResolver", cold_target=0.5),
    Package(
        "parser",
        "parser",
        "from {module} import BaseModel\nclass Order(BaseModel):\n    order_id: str\n    total: float",
        upstream_extras=("parser",),
        cold_target=0.5,
        label="parser + 1 model",
    ),
    Package("validation", "validation", "from {module} import validate", upstream_extras=("validation",)),
    Package("data_classes", "data-classes", "from {module} import APIGatewayProxyEvent"),
    Package(
        "idempotency",
        "idempotency",
        "from {module} import DynamoDBPersistenceLayer, IdempotencyConfig, idempotent_function",
        cold_target=0.4,
    ),
    Package(
        "batch", "batch", "from {module} import BatchProcessor, EventType, process_partial_response", cold_target=0.4
    ),
    Package("parameters", "parameters", "from {module} import get_parameter", cold_target=0.3),
    Package("feature_flags", "feature-flags", "from {module} import AppConfigStore, FeatureFlags", cold_target=0.3),
)
