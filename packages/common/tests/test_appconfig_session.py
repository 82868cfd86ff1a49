"""The AppConfigData session against the local AppConfigData endpoint, through real boto3."""

from __future__ import annotations

import boto3
import pytest
from botocore.exceptions import ClientError

from powertools.common.appconfig import AppConfigDataSession, poll_interval_for


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _session(clock: Clock, profile: str = "flags") -> AppConfigDataSession:
    client = boto3.client("appconfigdata")
    return AppConfigDataSession(
        client, application="app", environment="prod", profile=profile, min_poll_interval=15, clock=clock
    )


def test_first_read_then_served_until_the_poll_interval_passes(appconfig_data, clock):
    appconfig_data.put_configuration("app", "prod", "flags", {"beta": True})
    session = _session(clock)

    assert session.latest() == b'{"beta": true}'
    assert session.content_type == "application/json"
    assert (appconfig_data.session_count, appconfig_data.fetch_count) == (1, 1)

    appconfig_data.put_configuration("app", "prod", "flags", {"beta": False})
    clock.now += 14
    assert session.latest() == b'{"beta": true}'  # AppConfig asked us to wait 15 s
    assert appconfig_data.fetch_count == 1

    clock.now += 1
    assert session.latest() == b'{"beta": false}'
    assert (appconfig_data.session_count, appconfig_data.fetch_count) == (1, 2)


def test_unchanged_reply_serves_the_last_content(appconfig_data, clock):
    appconfig_data.put_configuration("app", "prod", "flags", "plain text", content_type="text/plain")
    session = _session(clock)
    assert session.latest() == b"plain text"
    clock.now += 60
    assert session.latest() == b"plain text"  # the service answered with an empty body
    assert appconfig_data.fetch_count == 2
    assert session.content_type == "text/plain"


def test_force_calls_the_service_before_the_interval(appconfig_data, clock):
    appconfig_data.put_configuration("app", "prod", "flags", {"v": 1})
    session = _session(clock)
    session.latest()
    appconfig_data.put_configuration("app", "prod", "flags", {"v": 2})
    assert session.latest(force=True) == b'{"v": 2}'


def test_a_stale_token_starts_a_new_session_once(appconfig_data, clock):
    appconfig_data.put_configuration("app", "prod", "flags", {"v": 1})
    session = _session(clock)
    session.latest()
    session._token = "not-a-valid-token"  # as after 24 h
    clock.now += 15
    assert session.latest() == b'{"v": 1}'
    assert appconfig_data.session_count == 2


def test_unknown_profile_raises_the_service_error(appconfig_data, clock):
    session = _session(clock, profile="missing")
    with pytest.raises(ClientError) as info:
        session.latest()
    assert info.value.response["Error"]["Code"] == "ResourceNotFoundException"
    assert not session.has_content


def test_poll_interval_is_clamped_to_appconfig_bounds():
    assert poll_interval_for(5) == 15
    assert poll_interval_for(300) == 300
    assert poll_interval_for(10**9) == 86_400
