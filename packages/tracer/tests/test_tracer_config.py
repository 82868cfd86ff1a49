"""Shared configuration, disabling, escape hatch and the errors for bad input."""

from __future__ import annotations

import warnings

import pytest

from powertools.common.exceptions import ConfigurationError
from powertools.tracer import InvalidAnnotationError, InvalidMetadataError, Tracer, XRayProvider


def plain(a: int) -> int:
    return a + 1


@pytest.mark.parametrize(
    "env",
    [
        {},  # outside Lambda
        {"LAMBDA_TASK_ROOT": "/var/task", "POWERTOOLS_TRACE_DISABLED": "true"},
        {"LAMBDA_TASK_ROOT": "/var/task", "AWS_SAM_LOCAL": "true"},
        {"LAMBDA_TASK_ROOT": "/var/task", "AWS_CHALICE_CLI_MODE": "local"},
        {"LAMBDA_TASK_ROOT": "/var/task", "POWERTOOLS_DEV": "1"},
    ],
    ids=["outside-lambda", "trace-disabled", "sam-local", "chalice-local", "powertools-dev"],
)
def test_disabled_tracer_returns_functions_untouched(monkeypatch, env):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # POWERTOOLS_DEV warns once per process
        tracer = Tracer(service="svc")
    assert tracer.disabled is True
    assert tracer.capture_method(plain) is plain
    assert tracer.capture_method(capture_response=False)(plain) is plain
    assert tracer.capture_lambda_handler(plain) is plain
    tracer.put_annotation("Key", "value")  # silently nothing
    tracer.put_metadata("key", {"a": 1})
    tracer.patch(["botocore"])
    tracer.ignore_endpoint(hostname="example.com")


def test_disabled_tracer_sends_nothing_through_the_escape_hatch(lambda_env):
    tracer = Tracer(disabled=True)
    with tracer.provider.in_subsegment("## manual") as subsegment:
        subsegment.put_annotation("Key", "value")
    assert lambda_env.daemon.documents() == []
    assert tracer.disabled is True


def test_explicit_disabled_false_overrides_environment(lambda_env, monkeypatch):
    monkeypatch.delenv("LAMBDA_TASK_ROOT")
    tracer = Tracer(disabled=False)
    monkeypatch.setenv("LAMBDA_TASK_ROOT", "/var/task")  # the X-Ray SDK needs it to find Lambda's segment
    assert tracer.capture_method(plain) is not plain
    assert tracer.capture_method(plain)(1) == 2
    assert lambda_env.daemon.wait_for(1)[0]["name"] == f"## {__name__}.plain"


def test_later_tracers_reuse_the_first_configuration(lambda_env, monkeypatch):
    first = Tracer(service="orders", auto_patch=False)
    second = Tracer()
    assert (second.service, second.auto_patch, second.disabled) == ("orders", False, False)
    assert second.provider is first.provider
    third = Tracer(service="payments")  # an explicit value overrides, as upstream
    assert third.service == "payments"


def test_service_from_environment(monkeypatch):
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", "from-env")
    assert Tracer().service == "from-env"
    assert Tracer(service="explicit").service == "explicit"


def test_escape_hatch_reaches_the_xray_recorder(lambda_env):
    from aws_xray_sdk.core import xray_recorder

    tracer = Tracer(service="svc")
    assert isinstance(tracer.provider, XRayProvider)
    assert tracer.provider.recorder is xray_recorder

    @tracer.capture_lambda_handler(capture_response=False)
    def handler(event, context):
        with tracer.provider.in_subsegment("## manual block") as subsegment:
            subsegment.put_annotation("Step", 1)
            assert tracer.provider.current_subsegment() is subsegment

    handler({}, None)
    docs = lambda_env.by_name(lambda_env.daemon.wait_for(2))
    assert docs["## manual block"]["parent_id"] == docs["## handler"]["id"]
    assert docs["## manual block"]["annotations"] == {"Step": 1}


def test_an_xray_recorder_is_accepted_as_provider(lambda_env):
    from aws_xray_sdk.core import xray_recorder

    tracer = Tracer(provider=xray_recorder)
    assert isinstance(tracer.provider, XRayProvider)
    assert tracer.provider.recorder is xray_recorder


@pytest.mark.parametrize(
    ("key", "value", "reason"),
    [
        ("order-id", "1", "only ASCII letters, digits and underscores"),
        ("", "1", "non-empty string"),
        (1, "1", "non-empty string"),
        ("Order", {"id": 1}, "not dict"),
        ("Order", None, "not NoneType"),
    ],
)
def test_annotations_x_ray_would_drop_raise_even_when_disabled(key, value, reason):
    tracer = Tracer(disabled=True)
    with pytest.raises(InvalidAnnotationError, match=reason) as info:
        tracer.put_annotation(key, value)
    assert info.value.key == key


def test_reserved_metadata_namespace_raises():
    with pytest.raises(InvalidMetadataError, match=r"'AWS\.' prefix is reserved"):
        Tracer(disabled=True).put_metadata("k", 1, namespace="AWS.Lambda")


@pytest.mark.parametrize("modules", ["requests", ["requests", 3], [""]])
def test_patch_modules_must_be_a_sequence_of_names(modules):
    with pytest.raises(ConfigurationError, match="patch_modules"):
        Tracer(disabled=True, patch_modules=modules)


def test_provider_must_be_a_provider():
    with pytest.raises(ConfigurationError, match="provider"):
        Tracer(disabled=True, provider=object())


def test_malformed_boolean_env_var_names_the_variable(monkeypatch):
    monkeypatch.setenv("POWERTOOLS_TRACE_DISABLED", "maybe")
    with pytest.raises(ConfigurationError, match="POWERTOOLS_TRACE_DISABLED='maybe'"):
        Tracer()


def test_aiohttp_trace_config_names_its_missing_dependency():
    import importlib.util

    from powertools.tracer import MissingDependencyError, aiohttp_trace_config

    if importlib.util.find_spec("aiohttp") is None:
        with pytest.raises(MissingDependencyError, match="pip install aiohttp"):
            aiohttp_trace_config()
    else:
        import aiohttp

        assert isinstance(aiohttp_trace_config(), aiohttp.TraceConfig)
