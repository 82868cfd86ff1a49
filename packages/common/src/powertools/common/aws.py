"""Lazy boto3 clients tagged with the powertools user agent.

boto3 is an optional extra (the Lambda runtime ships it), so nothing here
imports boto3 or botocore until a client is actually needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import boto3
    from botocore.config import Config


def user_agent(utility: str, version: str) -> str:
    return f"powertools/{utility}/{version}"


def build_client(
    service: str,
    *,
    utility: str,
    version: str,
    client: Any | None = None,
    session: boto3.session.Session | None = None,
    config: Config | None = None,
    **kwargs: Any,
) -> Any:
    """Return ``client`` as is, or a new client for ``service`` from ``session`` / default session."""
    if client is not None:
        return client
    import boto3

    factory: Any = session or boto3.session.Session()
    return factory.client(service, config=_tagged(config, utility, version), **kwargs)


def build_resource(
    service: str,
    *,
    utility: str,
    version: str,
    resource: Any | None = None,
    session: boto3.session.Session | None = None,
    config: Config | None = None,
    **kwargs: Any,
) -> Any:
    """Same as :func:`build_client` for boto3 resources."""
    if resource is not None:
        return resource
    import boto3

    factory: Any = session or boto3.session.Session()
    return factory.resource(service, config=_tagged(config, utility, version), **kwargs)


def _tagged(config: Config | None, utility: str, version: str) -> Config:
    """The user's config with our tag appended to (not replacing) its user agent extra."""
    from botocore.config import Config

    tag = user_agent(utility, version)
    if config is None:
        return Config(user_agent_extra=tag)
    existing = getattr(config, "user_agent_extra", None)
    extra = f"{existing} {tag}" if existing else tag
    return config.merge(Config(user_agent_extra=extra))
