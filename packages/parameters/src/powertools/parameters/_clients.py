"""boto3 clients built on first use, tagged with this utility's user agent."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

UTILITY = "parameters"


def config_argument(config: Any, boto_config: Any) -> Any:
    """Upstream's deprecated ``config=`` still works, with a warning; ``boto_config`` wins."""
    if config is not None:
        import warnings

        from powertools.common.warnings import PowertoolsDeprecationWarning

        warnings.warn(
            "The 'config' parameter is deprecated and will be removed in a future major version. "
            "Use 'boto_config' instead.",
            category=PowertoolsDeprecationWarning,
            stacklevel=3,
        )
    return boto_config or config


class LazyClient:
    """``provider.client``: the client given, else one created the first time it is used."""

    def __init__(self, service: str, *, resource: bool = False) -> None:
        self.service = service
        self.resource = resource
        self.attribute = "_boto3_client"

    def __set_name__(self, owner: type, name: str) -> None:
        self.attribute = f"_lazy_{name}"

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        client = instance.__dict__.get(self.attribute)
        if client is None:
            client = self.build(instance)
            instance.__dict__[self.attribute] = client
        return client

    def __set__(self, instance: Any, value: Any) -> None:
        instance.__dict__[self.attribute] = value

    def build(self, instance: Any) -> Any:
        from powertools.common.aws import build_client, build_resource
        from powertools.parameters import __version__

        options = dict(getattr(instance, "_client_options", {}))
        session = options.pop("session", None)
        config = options.pop("config", None)
        factory = build_resource if self.resource else build_client
        return factory(self.service, utility=UTILITY, version=__version__, session=session, config=config, **options)
