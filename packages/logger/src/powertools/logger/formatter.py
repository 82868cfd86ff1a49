"""The JSON formatter: one log record in, one JSON document out.

Key order is the formatter's ``log_format`` (``log_record_order`` first, then
``service``, ``sampling_rate`` and appended keys), then thread-safe keys, then
``extra`` keys, then ``exception``, ``exception_name``, ``stack_trace`` and
``xray_trace_id``. Keys whose value is ``None`` are left out.

Speed: the static part of a document is compiled once into a dict (recompiled
only when keys change) and copied per record; the timestamp is rendered once
per second; the JSON encoder is built once.
"""

from __future__ import annotations

import json
import logging
import os
import time
import traceback
from abc import ABCMeta, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Any

from powertools.logger.context_keys import (
    THREAD_LOCAL_KEYS,
    clear_context_keys,
    remove_context_keys,
    set_context_keys,
)
from powertools.logger.exceptions import InvalidLogKeyError
from powertools.logger.serialization import (
    build_serializer,
    default_json_default,
    fallback_document,
    is_non_finite_error,
    with_finite_floats,
)
from powertools.logger.timestamps import (
    DEFAULT_TIME_FORMAT,
    MS_DIRECTIVE,
    RFC3339_ISO8601_FORMAT,
    TimestampRenderer,
    render_with_datetime_directives,
)

# Keys that, given a %-style string, are rendered from the LogRecord (e.g. location="%(module)s").
RESERVED_LOG_ATTRS = (
    "name",
    "msg",
    "args",
    "level",
    "levelname",
    "levelno",
    "pathname",
    "filename",
    "module",
    "exc_info",
    "exc_text",
    "stack_info",
    "lineno",
    "funcName",
    "created",
    "msecs",
    "relativeCreated",
    "thread",
    "threadName",
    "processName",
    "process",
    "asctime",
    "location",
    "timestamp",
)
_RESERVED = frozenset(RESERVED_LOG_ATTRS)
# LogRecord attributes that are never "extra" keys (taskName exists from Python 3.12).
_NOT_EXTRA = _RESERVED | {"taskName", "message"}

# Formatter options: passed to Logger they configure the formatter, they are never log keys.
RESERVED_FORMATTER_CUSTOM_KEYS = [
    "json_serializer",
    "json_deserializer",
    "json_default",
    "datefmt",
    "use_datetime_directive",
    "log_record_order",
    "utc",
    "use_rfc3339",
    "serialize_stacktrace",
]

DEFAULT_LOG_RECORD_ORDER = ("level", "location", "message", "timestamp")
PRETTY_INDENT = 4
XRAY_TRACE_ID_ENV = "_X_AMZN_TRACE_ID"

# A str message is tried as JSON (upstream does) only when it can start a JSON
# value; "NaN"/"Infinity" stay strings so the output stays valid JSON.
_JSON_START = frozenset('{["-0123456789tfn \t\r\n')
_MISSING = object()


def validate_keys(keys: dict[str, Any]) -> None:
    """Standard-attribute keys take %-style templates only; fail where the key is set, not at log time."""
    for key, value in keys.items():
        if value and key in _RESERVED and not isinstance(value, str):
            raise InvalidLogKeyError(key, value)


_trace_cache: tuple[str | None, str | None] = (None, None)


def current_trace_id() -> str | None:
    """The X-Ray trace id (``1-5759e988-bd862e3fe1be46a994272793``) of the current invocation."""
    global _trace_cache
    raw = os.environ.get(XRAY_TRACE_ID_ENV)
    if not raw:
        return None
    cached_raw, cached_id = _trace_cache
    if raw == cached_raw:
        return cached_id
    trace_id = raw.split(";", 1)[0].replace("Root=", "")
    _trace_cache = (raw, trace_id)
    return trace_id


class _TemporaryKeys:
    """What ``append_context_keys`` returns: keys added on enter, previous values restored on exit."""

    __slots__ = ("_formatter", "_keys", "_previous")

    def __init__(self, formatter: BasePowertoolsFormatter, keys: dict[str, Any]) -> None:
        self._formatter = formatter
        self._keys = keys
        self._previous: dict[str, Any] = {}

    def __enter__(self) -> None:
        current = self._formatter.get_current_keys() or {}
        self._previous = {key: current.get(key, _MISSING) for key in self._keys}
        self._formatter.append_keys(**self._keys)

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        restore = {key: value for key, value in self._previous.items() if value is not _MISSING}
        self._formatter.remove_keys([key for key, value in self._previous.items() if value is _MISSING])
        if restore:
            self._formatter.append_keys(**restore)


class BasePowertoolsFormatter(logging.Formatter, metaclass=ABCMeta):
    """What Logger needs from a formatter; subclass it to write one from scratch."""

    @abstractmethod
    def append_keys(self, **additional_keys: Any) -> None:
        raise NotImplementedError()

    def get_current_keys(self) -> dict[str, Any]:
        return {}

    def remove_keys(self, keys: Iterable[str]) -> None:
        raise NotImplementedError()

    @abstractmethod
    def clear_state(self) -> None:
        """Remove every key added since the formatter was created."""
        raise NotImplementedError()

    def append_context_keys(self, **additional_keys: Any) -> _TemporaryKeys:
        """Context manager: ``additional_keys`` are in every record inside the ``with`` block only."""
        return _TemporaryKeys(self, additional_keys)

    # Thread-safe keys live in a ContextVar shared by every formatter (see context_keys).
    def thread_safe_append_keys(self, **additional_keys: Any) -> None:
        validate_keys(additional_keys)
        set_context_keys(**additional_keys)

    def thread_safe_get_current_keys(self) -> dict[str, Any]:
        return dict(THREAD_LOCAL_KEYS.get())

    def thread_safe_remove_keys(self, keys: Iterable[str]) -> None:
        remove_context_keys(keys)

    def thread_safe_clear_keys(self) -> None:
        clear_context_keys()


class _LogKeys(dict):
    """``log_format``: a dict that tells its formatter when it changes, so the compiled plan stays right."""

    __slots__ = ("_changed",)

    def __init__(self, data: dict[str, Any], changed: Callable[[], None]) -> None:
        super().__init__(data)
        self._changed = changed

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        self._changed()

    def __delitem__(self, key: str) -> None:
        super().__delitem__(key)
        self._changed()

    def update(self, *args: Any, **kwargs: Any) -> None:
        super().update(*args, **kwargs)
        self._changed()

    def pop(self, *args: Any) -> Any:
        value = super().pop(*args)
        self._changed()
        return value

    def popitem(self) -> tuple[Any, Any]:
        item = super().popitem()
        self._changed()
        return item

    def setdefault(self, key: str, default: Any = None) -> Any:
        value = super().setdefault(key, default)
        self._changed()
        return value

    def clear(self) -> None:
        super().clear()
        self._changed()

    def __ior__(self, other: Any) -> _LogKeys:  # type: ignore[misc]
        self.update(other)
        return self


class _Plan:
    """The compiled ``log_format``: constants copied as-is, templates rendered per record."""

    __slots__ = ("base", "dynamic", "none_keys", "xray")

    def __init__(
        self,
        base: dict[str, Any],
        dynamic: tuple[tuple[str, Callable[[logging.LogRecord], Any]], ...],
        none_keys: tuple[str, ...],
        xray: bool,
    ) -> None:
        self.base = base
        self.dynamic = dynamic
        self.none_keys = none_keys
        self.xray = xray


def _levelname(record: logging.LogRecord) -> str:
    return record.levelname


def _location(record: logging.LogRecord) -> str:
    return f"{record.funcName}:{record.lineno}"


class LambdaPowertoolsFormatter(BasePowertoolsFormatter):
    """Formats a LogRecord as one JSON document (a dict message is used as-is)."""

    default_time_format = DEFAULT_TIME_FORMAT
    custom_ms_time_directive = MS_DIRECTIVE
    RFC3339_ISO8601_FORMAT = RFC3339_ISO8601_FORMAT

    def __init__(
        self,
        json_serializer: Callable[[Any], str] | None = None,
        json_deserializer: Callable[[Any], Any] | None = None,
        json_default: Callable[[Any], Any] | None = None,
        datefmt: str | None = None,
        use_datetime_directive: bool = False,
        log_record_order: list[str] | None = None,
        utc: bool = False,
        use_rfc3339: bool = False,
        serialize_stacktrace: bool = True,
        **kwargs: Any,
    ) -> None:
        from powertools.common.config import is_dev_mode

        self._plan: _Plan | None = None
        self.json_deserializer = json_deserializer or json.loads
        self._decode_any_string = json_deserializer is not None
        self.json_default = json_default or default_json_default
        self.json_indent = PRETTY_INDENT if is_dev_mode() else None
        self.json_serializer = json_serializer or build_serializer(self.json_default, self.json_indent)
        self.datefmt = datefmt
        self.use_datetime_directive = use_datetime_directive
        self.utc = utc
        self.use_rfc3339_iso8601 = use_rfc3339
        self.serialize_stacktrace = serialize_stacktrace
        self.converter = time.gmtime if utc else time.localtime
        self.log_record_order = list(log_record_order or DEFAULT_LOG_RECORD_ORDER)
        self._timestamps = TimestampRenderer(datefmt, utc, rfc3339=use_rfc3339)
        validate_keys(kwargs)
        self.keys_combined = {**self._build_default_keys(), **kwargs}
        self.log_format = {**dict.fromkeys(self.log_record_order), **self.keys_combined}
        self.update_formatter = self.append_keys  # older name, kept for migrating code
        super().__init__(datefmt=datefmt)

    # --- keys -----------------------------------------------------------------

    @property
    def log_format(self) -> dict[str, Any]:
        return self._log_format

    @log_format.setter
    def log_format(self, value: dict[str, Any]) -> None:
        self._log_format = _LogKeys(value, self._invalidate)
        self._plan = None

    def _invalidate(self) -> None:
        self._plan = None

    def append_keys(self, **additional_keys: Any) -> None:
        validate_keys(additional_keys)
        self.log_format.update(additional_keys)

    def get_current_keys(self) -> dict[str, Any]:
        return self.log_format

    def remove_keys(self, keys: Iterable[str]) -> None:
        for key in keys:
            self.log_format.pop(key, None)

    def clear_state(self) -> None:
        self.log_format = {**dict.fromkeys(self.log_record_order), **self.keys_combined}

    @staticmethod
    def _build_default_keys() -> dict[str, str]:
        return {"level": "%(levelname)s", "location": "%(funcName)s:%(lineno)d", "timestamp": "%(asctime)s"}

    # --- formatting -------------------------------------------------------------

    def serialize(self, log: dict[str, Any]) -> str:
        """Turn the final record dict into text; override to reshape the document."""
        return self.json_serializer(log)

    def format(self, record: logging.LogRecord) -> str:
        try:
            log = self._build_log(record)
        except Exception as exc:  # a bad template or a broken __str__ must not lose the line
            return fallback_document(self._minimal_log(record), record.msg, exc)
        try:
            output: Any = self.serialize(log)
        except Exception as exc:  # custom serializer or json_default failed, or a NaN
            try:
                if not is_non_finite_error(exc):
                    raise
                output = self.serialize(with_finite_floats(log))
            except Exception as retry_exc:
                return fallback_document(log, log.get("message"), retry_exc)
        if isinstance(output, (bytes, bytearray)):  # e.g. orjson.dumps
            return output.decode("utf-8", "replace")
        return output

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        if datefmt is not None and datefmt != self.datefmt:
            return TimestampRenderer(datefmt, self.utc).render(record.created, record.msecs)
        if self.use_datetime_directive and self.datefmt and not self.use_rfc3339_iso8601:
            return render_with_datetime_directives(record.created, record.msecs, self.datefmt, self.utc)
        return self._timestamps.render(record.created, record.msecs)

    def _build_log(self, record: logging.LogRecord) -> dict[str, Any]:
        plan = self._plan or self._compile()
        log = plan.base.copy()
        for key, render in plan.dynamic:
            log[key] = render(record)

        context = THREAD_LOCAL_KEYS.get()
        if context:
            for key, value in context.items():
                if value is None:
                    log.pop(key, None)
                elif key in _RESERVED and isinstance(value, str):
                    log[key] = self._render_template(value, record)
                else:
                    log[key] = value

        for key, value in record.__dict__.items():
            if key not in _NOT_EXTRA:
                if value is None:
                    log.pop(key, None)
                else:
                    log[key] = value

        message = self._extract_log_message(record)
        if message is None:
            log.pop("message", None)
        else:
            log["message"] = message

        exc_info = record.exc_info
        if exc_info and exc_info[0] is not None:
            if log.get("exception") is None:
                if not record.exc_text:
                    record.exc_text = self.formatException(exc_info)
                log["exception"] = record.exc_text
            if log.get("exception_name") is None:
                log["exception_name"] = exc_info[0].__name__
            if self.serialize_stacktrace:
                log["stack_trace"] = self._serialize_stacktrace(record)

        if plan.xray:
            trace_id = current_trace_id()
            if trace_id is None:
                log.pop("xray_trace_id", None)
            else:
                log["xray_trace_id"] = trace_id

        for key in plan.none_keys:
            if log.get(key, _MISSING) is None:
                del log[key]
        return log

    def _compile(self) -> _Plan:
        base: dict[str, Any] = {}
        dynamic: list[tuple[str, Callable[[logging.LogRecord], Any]]] = []
        none_keys: list[str] = []
        for key, value in self.log_format.items():
            if value and key in _RESERVED:
                if not isinstance(value, str):
                    raise InvalidLogKeyError(key, value)
                base[key] = None  # placeholder keeps the key's position
                dynamic.append((key, self._renderer(value)))
            else:
                base[key] = value
                if value is None and key != "message":
                    none_keys.append(key)
        xray = self.log_format.get("xray_trace_id", "") is not None
        plan = _Plan(base, tuple(dynamic), tuple(none_keys), xray)
        self._plan = plan
        return plan

    def _renderer(self, template: str) -> Callable[[logging.LogRecord], Any]:
        # The three default templates skip %-formatting entirely.
        if template == "%(levelname)s":
            return _levelname
        if template == "%(funcName)s:%(lineno)d":
            return _location
        if template == "%(asctime)s":
            return self.formatTime
        return lambda record: self._render_template(template, record)

    def _render_template(self, template: str, record: logging.LogRecord) -> str:
        values = record.__dict__
        if "asctime" in template:
            values = {**values, "asctime": self.formatTime(record)}
        return template % values

    def _minimal_log(self, record: logging.LogRecord) -> dict[str, Any]:
        log: dict[str, Any] = {"level": record.levelname, "location": _location(record)}
        try:  # noqa: SIM105 - contextlib.suppress would add an import to every cold start
            log["timestamp"] = self.formatTime(record)
        except Exception:  # noqa: S110 - a broken custom formatTime: the fallback has no timestamp
            pass
        log["service"] = self.log_format.get("service")
        return log

    def _extract_log_message(self, record: logging.LogRecord) -> Any:
        """A dict message as-is; %-args applied; a JSON string decoded (as upstream)."""
        message = record.msg
        if isinstance(message, dict):
            return message
        if record.args:
            return record.getMessage()
        if isinstance(message, str) and message and (self._decode_any_string or message[0] in _JSON_START):
            try:
                return self.json_deserializer(message)
            except (ValueError, TypeError):
                return message
        return message

    def _extract_log_exception(self, record: logging.LogRecord) -> tuple[str, str] | tuple[None, None]:
        if record.exc_info and record.exc_info[0] is not None:
            return self.formatException(record.exc_info), record.exc_info[0].__name__
        return None, None

    def _serialize_stacktrace(self, record: logging.LogRecord) -> dict[str, Any] | None:
        exc_info = record.exc_info
        if not exc_info or exc_info[0] is None:
            return None
        _, error, tb = exc_info
        return {
            "type": exc_info[0].__name__,
            "value": str(error),
            "module": type(error).__module__,
            "frames": [
                {"file": frame.filename, "line": frame.lineno, "function": frame.name, "statement": frame.line}
                for frame in _frames(tb)
            ],
        }


def _frames(tb: TracebackType | None) -> Iterator[traceback.FrameSummary]:
    return iter(traceback.extract_tb(tb)) if tb is not None else iter(())


JsonFormatter = LambdaPowertoolsFormatter  # older name, kept for migrating code
