"""Shared helpers for the parameters tests.

Caching is proven by counting the HTTP requests a real boto3 client sends to the emulator:
``RequestCounter`` hooks botocore's ``before-send`` event, which fires once per request
actually sent (retries included) and lets the request go on to the server unchanged.
"""

from __future__ import annotations

import collections
import json
from collections.abc import Iterator
from typing import Any

import pytest

from powertools.parameters import clear_caches
from powertools.parameters.constants import DEFAULT_PROVIDERS

ENV_VARS = (
    "POWERTOOLS_PARAMETERS_MAX_AGE",
    "POWERTOOLS_PARAMETERS_SSM_DECRYPT",
    "POWERTOOLS_SERVICE_NAME",
    "POWERTOOLS_DEBUG",
    "AWS_APPCONFIG_EXTENSION_HTTP_PORT",
)


class RequestCounter:
    """Operations sent over HTTP by the clients it is attached to, in order."""

    def __init__(self) -> None:
        self.operations: list[str] = []
        self.bodies: list[dict[str, Any]] = []

    def attach(self, client: Any) -> Any:
        client.meta.events.register("before-send.*", self._on_send)
        return client

    def _on_send(self, event_name: str, request: Any = None, **kwargs: Any) -> None:
        self.operations.append(event_name.rsplit(".", 1)[-1])  # e.g. before-send.ssm.GetParameter
        body = getattr(request, "body", None) or b"{}"
        try:
            self.bodies.append(json.loads(body))
        except ValueError:  # not a JSON-protocol service
            self.bodies.append({})

    def requests_for(self, operation: str) -> list[dict[str, Any]]:
        """The JSON bodies sent for ``operation``."""
        return [body for op, body in zip(self.operations, self.bodies, strict=True) if op == operation]

    def count(self, operation: str | None = None) -> int:
        if operation is None:
            return len(self.operations)
        return self.operations.count(operation)

    def counts(self) -> dict[str, int]:
        return dict(collections.Counter(self.operations))


class FakeClock:
    """Stands in for the cache's monotonic clock, so expiry needs no sleeping."""

    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(autouse=True)
def clean_parameters(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    clear_caches()
    yield
    clear_caches()


@pytest.fixture
def requests() -> RequestCounter:
    return RequestCounter()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr("powertools.parameters.base.monotonic", fake)
    return fake


@pytest.fixture
def default_provider(requests: RequestCounter) -> Any:
    """``default_provider("ssm")``: the provider behind get_parameter & co, its client counted."""

    def make(kind: str) -> Any:
        from powertools.parameters import SecretsProvider, SSMProvider

        provider = {"ssm": SSMProvider, "secrets": SecretsProvider}[kind]()
        DEFAULT_PROVIDERS[kind] = provider
        requests.attach(provider.client)
        return provider

    return make
