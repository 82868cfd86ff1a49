"""Condition predicates: each validated condition becomes one ``predicate(context) -> bool``.

Upstream: aws_lambda_powertools.utilities.feature_flags.comparators (its ``compare_*``
functions are kept with the same signatures). The predicates evaluate the same Python
expressions as upstream, so a context value of the wrong type raises the same exception
class; ``FeatureFlags`` turns that into a non-match (or hands it to a registered handler).
"""

from __future__ import annotations

from datetime import datetime

from powertools.feature_flags.timezones import get_timezone

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable
    from datetime import tzinfo
    from typing import Any

    Predicate = Callable[[Any], Any]

_MISSING = object()
_DAYS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")  # datetime.weekday() order


def _now(timezone: tzinfo) -> datetime:
    # Looked up at call time, so tests can freeze the clock by replacing this module's `datetime`.
    return datetime.now(timezone)


def _zone(value: dict[str, Any]) -> tzinfo:
    zone = get_timezone(value.get("TIMEZONE") or "UTC")
    if zone is None:  # validated before compiling; kept as a typed guard
        raise ValueError(f"unknown TIMEZONE {value.get('TIMEZONE')!r}")
    return zone


def _all_in(context_value: Any, condition_value: Any) -> bool:
    if not isinstance(context_value, list):
        raise ValueError("Context provided must be a list. Unable to compare ALL_IN_VALUE action.")
    return all(item in condition_value for item in context_value)


def _any_in(context_value: Any, condition_value: Any) -> bool:
    if not isinstance(context_value, list):
        raise ValueError("Context provided must be a list. Unable to compare ANY_IN_VALUE action.")
    return any(item in condition_value for item in context_value)


def _none_in(context_value: Any, condition_value: Any) -> bool:
    if not isinstance(context_value, list):
        raise ValueError("Context provided must be a list. Unable to compare NONE_IN_VALUE action.")
    return all(item not in condition_value for item in context_value)


# Comparators of the actions that read a context key: (context value, condition value) -> match.
KEY_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "EQUALS": lambda a, b: a == b,
    "NOT_EQUALS": lambda a, b: a != b,
    "KEY_GREATER_THAN_VALUE": lambda a, b: a > b,
    "KEY_GREATER_THAN_OR_EQUAL_VALUE": lambda a, b: a >= b,
    "KEY_LESS_THAN_VALUE": lambda a, b: a < b,
    "KEY_LESS_THAN_OR_EQUAL_VALUE": lambda a, b: a <= b,
    "STARTSWITH": lambda a, b: a.startswith(b),
    "ENDSWITH": lambda a, b: a.endswith(b),
    "IN": lambda a, b: a in b,
    "NOT_IN": lambda a, b: a not in b,
    "KEY_IN_VALUE": lambda a, b: a in b,
    "KEY_NOT_IN_VALUE": lambda a, b: a not in b,
    "VALUE_IN_KEY": lambda a, b: b in a,
    "VALUE_NOT_IN_KEY": lambda a, b: b not in a,
    "ALL_IN_VALUE": _all_in,
    "ANY_IN_VALUE": _any_in,
    "NONE_IN_VALUE": _none_in,
}


def build_predicate(action: str, key: str, value: Any) -> Predicate:
    """The predicate of one validated condition."""
    if action == "SCHEDULE_BETWEEN_TIME_RANGE":
        return _time_range(value)
    if action == "SCHEDULE_BETWEEN_DATETIME_RANGE":
        return _datetime_range(value)
    if action == "SCHEDULE_BETWEEN_DAYS_OF_WEEK":
        return _days_of_week(value)
    if action == "MODULO_RANGE":
        return _keyed(key, value, _modulo(value))
    if action == "EQUALS" or (action in ("KEY_IN_VALUE", "IN") and isinstance(value, list | dict)):
        # `None == <JSON value>` and `None in <list/dict>` cannot raise: the absent-key branch is free.
        return _fast_keyed(key, value, action == "EQUALS")
    return _keyed(key, value, KEY_OPERATORS[action])


def _fast_keyed(key: str, value: Any, equals: bool) -> Predicate:
    if equals:

        def equals_predicate(context: Any) -> Any:
            found = context.get(key, _MISSING)
            return found is not _MISSING and found == value

        return equals_predicate

    def in_predicate(context: Any) -> Any:
        found = context.get(key, _MISSING)
        return found is not _MISSING and found in value

    return in_predicate


def _keyed(key: str, value: Any, compare: Callable[[Any, Any], Any]) -> Predicate:
    def predicate(context: Any) -> Any:
        found = context.get(key, _MISSING)
        if found is _MISSING:
            # An absent key never matches. Upstream still runs the comparator on None, so an
            # error it raises reaches the registered exception handlers: do the same.
            compare(None, value)
            return False
        return compare(found, value)

    return predicate


def _modulo(value: dict[str, Any]) -> Callable[[Any, Any], Any]:
    base, start, end = value["BASE"], value["START"], value["END"]
    return lambda found, _value: start <= found % base <= end


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _time_range(value: dict[str, Any]) -> Predicate:
    zone = _zone(value)
    start, end = _minutes(value["START"]), _minutes(value["END"])
    # END is inclusive to the minute (upstream keeps now's seconds when it builds START and END).
    if end < start:  # the range crosses midnight

        def across_midnight(_context: Any) -> bool:
            now = _now(zone)
            minute = now.hour * 60 + now.minute
            return start <= minute or minute <= end

        return across_midnight

    def within_day(_context: Any) -> bool:
        now = _now(zone)
        return start <= now.hour * 60 + now.minute <= end

    return within_day


def _datetime_range(value: dict[str, Any]) -> Predicate:
    zone = _zone(value)
    # Wall-clock times in TIMEZONE: compared without an offset, as upstream does with one tzinfo.
    start = datetime.fromisoformat(value["START"]).replace(tzinfo=None)
    end = datetime.fromisoformat(value["END"]).replace(tzinfo=None)

    def predicate(_context: Any) -> bool:
        return start <= _now(zone).replace(tzinfo=None) <= end

    return predicate


def _days_of_week(value: dict[str, Any]) -> Predicate:
    zone = _zone(value)
    days = frozenset(value["DAYS"])

    def predicate(_context: Any) -> bool:
        return _DAYS[_now(zone).weekday()] in days

    return predicate


# Upstream's public comparator functions, same signatures.


def compare_days_of_week(context_value: Any, condition_value: dict[str, Any]) -> bool:
    return bool(_days_of_week(condition_value)(None))


def compare_datetime_range(context_value: Any, condition_value: dict[str, Any]) -> bool:
    return bool(_datetime_range(condition_value)(None))


def compare_time_range(context_value: Any, condition_value: dict[str, Any]) -> bool:
    return bool(_time_range(condition_value)(None))


def compare_modulo_range(context_value: int, condition_value: dict[str, Any]) -> bool:
    base = condition_value.get("BASE", 1)
    start = condition_value.get("START", 1)
    end = condition_value.get("END", 1)
    return bool(start <= context_value % base <= end)


def compare_all_in_list(context_value: list[Any], condition_value: list[Any]) -> bool:
    return _all_in(context_value, condition_value)


def compare_any_in_list(context_value: list[Any], condition_value: list[Any]) -> bool:
    return _any_in(context_value, condition_value)


def compare_none_in_list(context_value: list[Any], condition_value: list[Any]) -> bool:
    return _none_in(context_value, condition_value)
