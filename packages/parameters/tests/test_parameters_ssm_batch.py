"""get_parameters_by_name: batching, per-name options, errors and throttling."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse
from botocore.config import Config

from powertools.parameters import (
    GetParameterError,
    SSMProvider,
    TransformParameterError,
    get_parameter,
    get_parameters_by_name,
)


def put(name: str, value: str, kind: str = "String") -> None:
    boto3.client("ssm").put_parameter(Name=name, Value=value, Type=kind, Overwrite=True)


def test_25_names_take_3_round_trips_then_none(aws, default_provider, requests):
    names = [f"/batch/p{index:02d}" for index in range(25)]
    for index, name in enumerate(names):
        put(name, f"value-{index}")
    default_provider("ssm")

    values = get_parameters_by_name(dict.fromkeys(names))
    assert values == {name: f"value-{index}" for index, name in enumerate(names)}
    assert list(values) == names  # the caller's order
    assert requests.counts() == {"GetParameters": 3}
    assert [len(body["Names"]) for body in requests.requests_for("GetParameters")] == [10, 10, 5]

    assert get_parameters_by_name(dict.fromkeys(names)) == values
    assert requests.count() == 3


def test_per_name_options_override_the_defaults(aws, default_provider, clock, requests):
    put("/o/cfg.json", '{"a": 1}')
    put("/o/blob", "aGk=")
    put("/o/plain", "text")
    default_provider("ssm")
    values = get_parameters_by_name(
        {
            "/o/cfg.json": {"transform": "auto"},
            "/o/blob": {"transform": "binary", "max_age": 10},
            "/o/plain": None,
        },
        max_age=100,
    )
    assert values == {"/o/cfg.json": {"a": 1}, "/o/blob": b"hi", "/o/plain": "text"}
    clock.advance(11)
    get_parameters_by_name({"/o/cfg.json": {"transform": "auto"}, "/o/blob": {"transform": "binary"}, "/o/plain": None})
    # Only /o/blob expired: one more call, for it alone.
    assert requests.requests_for("GetParameters")[-1]["Names"] == ["/o/blob"]
    assert requests.count() == 2


def test_decryption_is_asked_only_for_the_names_that_want_it(aws, default_provider, requests):
    put("/d/key", "k-secret-1", "SecureString")
    put("/d/token", "t-secret-2", "SecureString")
    put("/d/url", "https://x")
    put("/d/port", "443")
    default_provider("ssm")
    values = get_parameters_by_name(
        {"/d/key": {"decrypt": True}, "/d/token": {"decrypt": True}, "/d/url": {}, "/d/port": None}
    )
    assert values == {"/d/key": "k-secret-1", "/d/token": "t-secret-2", "/d/url": "https://x", "/d/port": "443"}
    sent = {tuple(body["Names"]): body.get("WithDecryption") for body in requests.requests_for("GetParameters")}
    assert sent == {("/d/url", "/d/port"): False, ("/d/key", "/d/token"): True}


def test_decrypt_for_every_name(aws, default_provider, requests):
    put("/e/a", "aaa-secret", "SecureString")
    put("/e/b", "bbb-secret", "SecureString")
    default_provider("ssm")
    assert get_parameters_by_name({"/e/a": None, "/e/b": None}, decrypt=True) == {
        "/e/a": "aaa-secret",
        "/e/b": "bbb-secret",
    }
    assert [body["WithDecryption"] for body in requests.requests_for("GetParameters")] == [True]


def test_shares_the_cache_with_get_parameter(aws, default_provider, requests):
    put("/s/a", "1")
    put("/s/b", "2")
    default_provider("ssm")
    assert get_parameter("/s/a") == "1"
    assert get_parameters_by_name({"/s/a": None, "/s/b": None}) == {"/s/a": "1", "/s/b": "2"}
    assert requests.requests_for("GetParameters")[0]["Names"] == ["/s/b"]
    assert get_parameter("/s/b") == "2"
    assert requests.count() == 2


def test_missing_names_raise_naming_them(aws):
    put("/m/here", "1")
    with pytest.raises(GetParameterError) as info:
        get_parameters_by_name({"/m/here": None, "/m/gone": None, "/m/lost": None})
    assert str(info.value) == "Failed to fetch parameters: ['/m/gone', '/m/lost']"


def test_graceful_mode_lists_failures_under_errors(aws):
    put("/g/here", "1")
    put("/g/bad.json", "{")
    values = get_parameters_by_name(
        {"/g/here": None, "/g/gone": None, "/g/bad.json": {"transform": "auto"}}, raise_on_error=False
    )
    assert values == {"_errors": ["/g/gone"], "/g/here": "1", "/g/bad.json": None}


def test_errors_is_a_reserved_name_in_graceful_mode(aws):
    with pytest.raises(
        GetParameterError, match=r"You cannot fetch a parameter named '_errors' in graceful error mode\."
    ):
        get_parameters_by_name({"_errors": None}, raise_on_error=False)


def test_bad_transform_raises_naming_the_parameter(aws):
    put("/t/bad", "not base64!")
    with pytest.raises(TransformParameterError, match="Unable to transform value of '/t/bad' using 'binary' transform"):
        get_parameters_by_name({"/t/bad": {"transform": "binary"}})


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"/x": "json"}, "Options for parameter '/x' must be a dict or None"),
        ({"/x": {"tranform": "json"}}, "Unknown option(s) ['tranform'] for parameter '/x'"),
        ({"/x": {"transform": "yaml"}}, "Invalid transform type 'yaml'"),
    ],
)
def test_malformed_options_are_rejected_before_any_call(aws, default_provider, requests, options, message):
    default_provider("ssm")
    with pytest.raises((GetParameterError, TransformParameterError)) as info:
        get_parameters_by_name(options)
    assert message in str(info.value)
    assert requests.count() == 0


# --- throttling ----------------------------------------------------------------------------
# The one place with a stub: moto never throttles, so a botocore before-send hook answers the
# first calls with the ThrottlingException response SSM sends under load. Everything after it
# (botocore's parsing, our retry, the real moto answer) is unchanged.


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def stream(self, **kwargs: Any) -> Any:
        yield self.data

    def read(self, *args: Any) -> bytes:
        return self.data


def _reply(code: str, status: int, times: list[int] | None = None) -> Any:
    """A before-send hook answering with ``code``; ``times=[n]`` limits it to the first n calls."""

    def hook(request: Any, **kwargs: Any) -> AWSResponse | None:
        if times is not None:
            if times[0] <= 0:
                return None
            times[0] -= 1
        body = json.dumps({"__type": code, "message": "Rate exceeded"}).encode()
        headers = {"Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": "stub"}
        return AWSResponse(request.url, status, headers, _Body(body))

    return hook


class TimeLeft:
    """A Lambda context whose remaining time goes down as the retry sleeps."""

    def __init__(self, remaining_ms: int) -> None:
        self.remaining_ms = remaining_ms
        self.slept: list[float] = []

    def get_remaining_time_in_millis(self) -> int:
        return self.remaining_ms

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.remaining_ms -= int(seconds * 1000)


def _throttled_provider(requests: Any, times: list[int] | None) -> SSMProvider:
    # botocore's own retries off, so every request counted is one attempt of ours.
    provider = SSMProvider(boto_config=Config(retries={"total_max_attempts": 1}))
    requests.attach(provider.client)
    provider.client.meta.events.register("before-send.ssm.GetParameters", _reply("ThrottlingException", 400, times))
    return provider


def test_throttled_batch_is_retried_with_backoff(aws, requests, monkeypatch):
    put("/r/a", "1")
    put("/r/b", "2")
    context = TimeLeft(remaining_ms=60_000)
    monkeypatch.setattr("powertools.parameters._retry.sleep", context.sleep)
    provider = _throttled_provider(requests, times=[2])

    values = provider.get_parameters_by_name({"/r/a": None, "/r/b": None}, lambda_context=context)
    assert values == {"/r/a": "1", "/r/b": "2"}
    assert requests.count("GetParameters") == 3  # two throttled, the third reached moto
    assert len(context.slept) == 2
    assert all(0 <= delay <= 2.0 for delay in context.slept)


def test_retries_stop_before_the_lambda_runs_out_of_time(aws, requests, monkeypatch):
    context = TimeLeft(remaining_ms=1_150)  # room for very little backoff above the 1 s margin
    monkeypatch.setattr("powertools.parameters._retry.sleep", context.sleep)
    provider = _throttled_provider(requests, times=None)
    names = {f"/r/p{index:02d}": None for index in range(12)}

    with pytest.raises(GetParameterError) as info:
        provider.get_parameters_by_name(names, lambda_context=context)
    message = str(info.value)
    assert message.startswith("Throttled by SSM after ")
    assert message.endswith(f"parameters not fetched: {list(names)}")  # both chunks are missing
    assert context.remaining_ms >= 1000  # never slept into the last second
    assert requests.count("GetParameters") == len(context.slept) + 1


def test_without_a_context_retries_are_bounded(aws, requests, monkeypatch):
    slept: list[float] = []
    monkeypatch.setattr("powertools.parameters._retry.sleep", slept.append)
    provider = _throttled_provider(requests, times=None)
    with pytest.raises(GetParameterError, match=r"Throttled by SSM after 6 attempt\(s\)"):
        provider.get_parameters_by_name({"/r/a": None})
    assert requests.count("GetParameters") == 6
    assert len(slept) == 5


def test_throttled_in_graceful_mode_lists_every_missing_name(aws, requests, monkeypatch):
    monkeypatch.setattr("powertools.parameters._retry.sleep", lambda seconds: None)
    provider = _throttled_provider(requests, times=None)
    names = {f"/r/p{index:02d}": None for index in range(12)}
    values = provider.get_parameters_by_name(names, raise_on_error=False)
    assert values == {"_errors": list(names)}
    # The budget is spent on the first chunk; the second isn't even tried.
    assert requests.count("GetParameters") == 6
