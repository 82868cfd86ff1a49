"""Time-based actions with a frozen clock, in several time zones (daylight saving time included)."""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo
from typing import Any

import pytest

from powertools.feature_flags import FeatureFlags, StoreProvider, comparators


class StaticStore(StoreProvider):
    def __init__(self, config: Any) -> None:
        self.config = config

    @property
    def get_raw_configuration(self) -> dict[str, Any]:
        return self.config  # type: ignore[no-any-return]

    def get_configuration(self) -> dict[str, Any]:
        return self.config  # type: ignore[no-any-return]


@pytest.fixture
def freeze(monkeypatch: pytest.MonkeyPatch) -> Any:
    """freeze("2026-07-14T21:30:00+00:00") stops the clock the time-based actions read at that instant."""

    def at(instant: str) -> None:
        frozen = datetime.fromisoformat(instant)

        class FrozenDatetime(datetime):
            @classmethod
            def now(cls, tz: tzinfo | None = None) -> datetime:  # type: ignore[override]
                return frozen.astimezone(tz or timezone.utc)

        monkeypatch.setattr(comparators, "datetime", FrozenDatetime)

    return at


def flag(action: str, key: str, value: dict[str, Any]) -> FeatureFlags:
    config = {
        "flag": {
            "default": False,
            "rules": {"window": {"when_match": True, "conditions": [{"action": action, "key": key, "value": value}]}},
        }
    }
    return FeatureFlags(store=StaticStore(config))


def time_range(start: str, end: str, tz: str | None = None) -> FeatureFlags:
    value = {"START": start, "END": end, **({"TIMEZONE": tz} if tz else {})}
    return flag("SCHEDULE_BETWEEN_TIME_RANGE", "CURRENT_TIME", value)


@pytest.mark.parametrize(
    ("instant", "start", "end", "tz", "expected"),
    [
        ("2026-07-14T09:00:00+00:00", "09:00", "17:00", None, True),  # UTC by default, START inclusive
        ("2026-07-14T17:00:59+00:00", "09:00", "17:00", "UTC", True),  # END inclusive to the minute
        ("2026-07-14T17:01:00+00:00", "09:00", "17:00", "UTC", False),
        # 07:30 UTC is 09:30 in Copenhagen in July (CEST, UTC+2) ...
        ("2026-07-14T07:30:00+00:00", "09:00", "17:00", "Europe/Copenhagen", True),
        # ... and 08:30 in January (CET, UTC+1).
        ("2026-01-14T07:30:00+00:00", "09:00", "17:00", "Europe/Copenhagen", False),
        # 03:00 UTC is 23:00 the day before in New York (EDT): inside a range across midnight.
        ("2026-07-14T03:00:00+00:00", "22:00", "02:00", "America/New_York", True),
        ("2026-07-14T08:00:00+00:00", "22:00", "02:00", "America/New_York", False),  # 04:00
        ("2026-07-14T23:45:00+00:00", "23:30", "23:00", "UTC", True),  # crosses midnight within one hour
        ("2026-07-14T23:15:00+00:00", "23:30", "23:00", "UTC", False),
        # 05:30 in Kolkata (UTC+05:30) is midnight UTC.
        ("2026-07-14T00:00:00+00:00", "05:00", "06:00", "Asia/Kolkata", True),
    ],
)
def test_time_range(freeze: Any, instant: str, start: str, end: str, tz: str | None, expected: bool) -> None:
    freeze(instant)
    assert time_range(start, end, tz).evaluate(name="flag", context={}, default=False) is expected


@pytest.mark.parametrize(
    ("instant", "tz", "expected"),
    [
        ("2026-12-24T23:59:59+00:00", "UTC", False),
        ("2026-12-25T00:00:00+00:00", "UTC", True),
        ("2026-12-26T23:59:59+00:00", "UTC", True),  # END inclusive
        ("2026-12-27T00:00:00+00:00", "UTC", False),
        # 2026-12-24T23:00Z is already Christmas in Paris (UTC+1).
        ("2026-12-24T23:00:00+00:00", "Europe/Paris", True),
        # 2026-12-25T04:00Z is still Christmas Eve in Los Angeles (UTC-8).
        ("2026-12-25T04:00:00+00:00", "America/Los_Angeles", False),
        ("2026-12-25T09:00:00+00:00", "America/Los_Angeles", True),
    ],
)
def test_datetime_range(freeze: Any, instant: str, tz: str, expected: bool) -> None:
    freeze(instant)
    flags = flag(
        "SCHEDULE_BETWEEN_DATETIME_RANGE",
        "CURRENT_DATETIME",
        {"START": "2026-12-25T00:00:00", "END": "2026-12-26T23:59:59", "TIMEZONE": tz},
    )
    assert flags.evaluate(name="flag", context={}, default=False) is expected


@pytest.mark.parametrize(
    ("instant", "tz", "expected"),
    [
        ("2026-07-18T12:00:00+00:00", "UTC", True),  # a Saturday
        ("2026-07-17T12:00:00+00:00", "UTC", False),  # a Friday
        ("2026-07-17T23:30:00+00:00", "Asia/Tokyo", True),  # Saturday 08:30 in Tokyo
        ("2026-07-20T02:00:00+00:00", "America/Chicago", True),  # still Sunday 21:00 in Chicago
        ("2026-07-20T06:00:00+00:00", "America/Chicago", False),  # Monday
    ],
)
def test_days_of_week(freeze: Any, instant: str, tz: str, expected: bool) -> None:
    freeze(instant)
    flags = flag(
        "SCHEDULE_BETWEEN_DAYS_OF_WEEK",
        "CURRENT_DAY_OF_WEEK",
        {"DAYS": ["SATURDAY", "SUNDAY"], "TIMEZONE": tz},
    )
    assert flags.evaluate(name="flag", context={}, default=False) is expected


def test_time_and_context_conditions_combine(freeze: Any) -> None:
    config = {
        "happy_hour": {
            "default": False,
            "rules": {
                "premium at night": {
                    "when_match": True,
                    "conditions": [
                        {"action": "EQUALS", "key": "tier", "value": "premium"},
                        {
                            "action": "SCHEDULE_BETWEEN_TIME_RANGE",
                            "key": "CURRENT_TIME",
                            "value": {"START": "18:00", "END": "23:59"},
                        },
                    ],
                }
            },
        }
    }
    flags = FeatureFlags(store=StaticStore(config))
    freeze("2026-07-14T19:00:00+00:00")
    assert flags.evaluate(name="happy_hour", context={"tier": "premium"}, default=False) is True
    assert flags.evaluate(name="happy_hour", context={"tier": "basic"}, default=False) is False
    freeze("2026-07-14T12:00:00+00:00")  # the clock is read at each evaluation, not at compile time
    assert flags.evaluate(name="happy_hour", context={"tier": "premium"}, default=False) is False


def test_time_zones_without_the_os_database(tmp_path: Any) -> None:
    # Some Lambda runtimes ship no /usr/share/zoneinfo: the declared tzdata package then supplies zones.
    import os
    import subprocess
    import sys

    code = (
        "from powertools.feature_flags import SchemaValidator\n"
        "from powertools.feature_flags.timezones import get_timezone\n"
        "SchemaValidator({'f': {'default': False, 'rules': {'r': {'when_match': True, 'conditions': [\n"
        "  {'action': 'SCHEDULE_BETWEEN_DAYS_OF_WEEK', 'key': 'CURRENT_DAY_OF_WEEK',\n"
        "   'value': {'DAYS': ['MONDAY'], 'TIMEZONE': 'Europe/Copenhagen'}}]}}}}).validate()\n"
        "print(get_timezone('Asia/Tokyo'), get_timezone('Mars/Base'))\n"
    )
    env = {**os.environ, "PYTHONTZPATH": str(tmp_path)}  # an empty directory: no OS zone files
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "Asia/Tokyo None"
