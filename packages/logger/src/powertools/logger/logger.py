"""Logger: structured JSON logging for Lambda functions, with invocation context."""

from __future__ import annotations

import functools
import logging
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping

from powertools.common.config import env_bool, service_name
from powertools.common.debug import get_debug_logger
from powertools.logger.exceptions import (
    InvalidLoggerSamplingRateError,
    OrphanedChildLoggerError,
    PowertoolsUserWarning,
)
from powertools.logger.filters import SuppressFilter
from powertools.logger.formatter import (
    RESERVED_FORMATTER_CUSTOM_KEYS,
    BasePowertoolsFormatter,
    LambdaPowertoolsFormatter,
    _TemporaryKeys,
    current_trace_id,
)
from powertools.logger.levels import lambda_log_level, powertools_log_level, resolve_log_level, warn_alc_filters_buffer

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a cold-start cost)
if TYPE_CHECKING:
    from typing import IO, Any, TypeVar

    from powertools.logger.buffer.config import LoggerBufferConfig

    PowertoolsFormatter = TypeVar("PowertoolsFormatter", bound=BasePowertoolsFormatter)
    AnyCallableT = TypeVar("AnyCallableT", bound=Callable[..., Any])

debug_logger = get_debug_logger(__name__)

# The invocation state (cold start, request id) in powertools.logger.lambda_context loads with
# the first inject_lambda_context, and the log buffer with the first buffer_config: a Logger
# that uses neither imports neither (cold start).
invocation: Any = None  # the module, once loaded


def _invocation() -> Any:
    global invocation
    if invocation is None:
        from powertools.logger import lambda_context

        invocation = lambda_context
    return invocation


SAMPLING_RATE_ENV = "POWERTOOLS_LOGGER_SAMPLE_RATE"
LOG_EVENT_ENV = "POWERTOOLS_LOGGER_LOG_EVENT"
DEDUPLICATION_DISABLED_ENV = "POWERTOOLS_LOG_DEDUPLICATION_DISABLED"

# Attributes set on the stdlib logger so a second Logger(service=...) reuses the first one's setup.
_PRECONFIGURED = "init"
_HANDLER = "powertools_handler"
_BUFFER_CONFIG = "powertools_buffer_config"
_BUFFER = "powertools_buffer_cache"

_DEBUG, _INFO, _WARNING, _ERROR, _CRITICAL = 10, 20, 30, 40, 50

# Names logging.Logger.makeRecord refuses as extra keys (KeyError "Attempt to overwrite ...");
# taskName is a LogRecord attribute from Python 3.12, listed so every version behaves alike.
_RECORD_ATTRS = frozenset(
    (
        "args", "asctime", "created", "exc_info", "exc_text", "filename", "funcName", "levelname", "levelno",
        "lineno", "message", "module", "msecs", "msg", "name", "pathname", "process", "processName",
        "relativeCreated", "stack_info", "taskName", "thread", "threadName",
    )
)  # fmt: skip


def _resolve_sampling_rate(sampling_rate: float | str | None) -> float | None:
    source = "sampling_rate"
    value: Any = sampling_rate
    if value is None:
        source, value = SAMPLING_RATE_ENV, os.environ.get(SAMPLING_RATE_ENV)
        if value is None or not value.strip():
            return None
    try:
        if isinstance(value, bool):
            raise ValueError
        rate = float(value)
    except (TypeError, ValueError):
        raise InvalidLoggerSamplingRateError(source, value, "a number from 0 to 1") from None
    if not 0 <= rate <= 1:
        raise InvalidLoggerSamplingRateError(source, value, "a number from 0 to 1")
    return rate


class Logger:
    """Structured JSON logger for Lambda functions (upstream: ``aws_lambda_powertools.Logger``).

    Records carry ``level``, ``location``, ``message``, ``timestamp``, ``service``
    and every appended key, as one JSON document per line.

    Environment variables: ``POWERTOOLS_SERVICE_NAME``, ``POWERTOOLS_LOG_LEVEL``
    (or ``LOG_LEVEL``), ``AWS_LAMBDA_LOG_LEVEL``, ``POWERTOOLS_LOGGER_SAMPLE_RATE``,
    ``POWERTOOLS_LOGGER_LOG_EVENT``, ``POWERTOOLS_DEV``, ``POWERTOOLS_LOG_DEDUPLICATION_DISABLED``.
    """

    def __init__(
        self,
        service: str | None = None,
        level: str | int | None = None,
        child: bool = False,
        sampling_rate: float | None = None,
        stream: IO[str] | None = None,
        logger_formatter: BasePowertoolsFormatter | None = None,
        logger_handler: logging.Handler | None = None,
        log_uncaught_exceptions: bool = False,
        json_serializer: Callable[[Any], str] | None = None,
        json_deserializer: Callable[[Any], Any] | None = None,
        json_default: Callable[[Any], Any] | None = None,
        datefmt: str | None = None,
        use_datetime_directive: bool = False,
        log_record_order: list[str] | None = None,
        utc: bool = False,
        use_rfc3339: bool = False,
        serialize_stacktrace: bool = True,
        buffer_config: LoggerBufferConfig | None = None,
        **kwargs: Any,
    ) -> None:
        self.service = service_name(service)
        self.sampling_rate = _resolve_sampling_rate(sampling_rate)
        self._default_log_keys: dict[str, Any] = {"service": self.service, "sampling_rate": self.sampling_rate}
        self.child = child
        self.logger_formatter = logger_formatter
        self._stream = stream or sys.stdout
        self.log_uncaught_exceptions = log_uncaught_exceptions
        self._is_deduplication_disabled = env_bool(DEDUPLICATION_DISABLED_ENV, False)
        # A child is named after the module creating it: <service>.<module>.
        caller_module = sys._getframe(1).f_globals.get("__name__", "__main__") if child else ""
        self._logger = logging.getLogger(f"{self.service}.{caller_module}" if child else self.service)
        self.logger_handler: logging.Handler | None = logger_handler or self._existing_or_new_handler()

        if buffer_config is not None:
            from powertools.logger.buffer.cache import InvocationBuffer  # only when buffering is asked for
            from powertools.logger.buffer.config import LoggerBufferConfig

        if buffer_config is not None and not isinstance(buffer_config, LoggerBufferConfig):
            raise TypeError(f"buffer_config must be a LoggerBufferConfig, got {type(buffer_config).__name__}")
        self._buffer_config = buffer_config
        self._buffer = InvocationBuffer(buffer_config.max_bytes) if buffer_config else None

        buffer_level = buffer_config.buffer_level if buffer_config else None
        self.initial_log_level = resolve_log_level(level, buffer_level)
        self._init_logger(
            formatter_options={
                "json_serializer": json_serializer,
                "json_deserializer": json_deserializer,
                "json_default": json_default,
                "datefmt": datefmt,
                "use_datetime_directive": use_datetime_directive,
                "log_record_order": log_record_order,
                "utc": utc,
                "use_rfc3339": use_rfc3339,
                "serialize_stacktrace": serialize_stacktrace,
            },
            level=level,
            **kwargs,
        )

        if log_uncaught_exceptions:
            debug_logger.debug("Replacing sys.excepthook to log uncaught exceptions")
            sys.excepthook = functools.partial(log_uncaught_exception_hook, logger=self)

    if not TYPE_CHECKING:

        def __getattr__(self, name):
            # Anything else a logging.Logger has (isEnabledFor, propagate, ...) comes from the wrapped one.
            if name == "_logger":
                raise AttributeError(name)
            return getattr(self._logger, name)

    # --- setup ----------------------------------------------------------------

    def _existing_or_new_handler(self) -> logging.Handler | None:
        existing = getattr(self._logger, _HANDLER, None)
        if existing is not None:
            return existing
        if self.child:
            return None  # the parent's, looked up when needed (it may be created later)
        return logging.StreamHandler(self._stream)

    def _init_logger(self, formatter_options: dict[str, Any], level: str | int | None, **kwargs: Any) -> None:
        if self.child:
            # An explicit level (argument or env) applies; otherwise the child follows its parent.
            if powertools_log_level(level) is not None or lambda_log_level() is not None:
                self._logger.setLevel(self.initial_log_level)
            parent_config = getattr(self._logger.parent, _BUFFER_CONFIG, None)
            if parent_config is not None and self._buffer_config is None:
                from powertools.logger.buffer.cache import InvocationBuffer

                self._buffer_config = parent_config
                self._buffer = InvocationBuffer(parent_config.max_bytes)
            return

        if getattr(self._logger, _PRECONFIGURED, False):
            # Same service configured before: share its handler, formatter and buffer.
            self._buffer_config = getattr(self._logger, _BUFFER_CONFIG, None)
            self._buffer = getattr(self._logger, _BUFFER, None)
            return

        self._logger.setLevel(self.initial_log_level)
        self._configure_sampling()
        assert self.logger_handler is not None
        self._logger.addHandler(self.logger_handler)
        self.structure_logs(formatter_options=formatter_options, **kwargs)

        if not self._is_deduplication_disabled:
            # Root handlers (Lambda runtime, pytest live log) would print our records a second time.
            for handler in logging.root.handlers:
                handler.addFilter(SuppressFilter(self.service))

        setattr(self._logger, _PRECONFIGURED, True)
        setattr(self._logger, _HANDLER, self.logger_handler)
        setattr(self._logger, _BUFFER_CONFIG, self._buffer_config)
        setattr(self._logger, _BUFFER, self._buffer)

    def _configure_sampling(self) -> None:
        if not self.sampling_rate:
            return
        import random  # only loaded when sampling is on

        if random.random() <= self.sampling_rate:  # noqa: S311 - sampling, not security
            self._logger.setLevel(logging.DEBUG)
            debug_logger.debug("Setting log level to DEBUG due to sampling rate")

    def refresh_sample_rate_calculation(self) -> None:
        """Decide debug sampling again (inject_lambda_context does this on every warm invocation)."""
        self._logger.setLevel(self.initial_log_level)
        self._configure_sampling()

    # --- logging ----------------------------------------------------------------

    def debug(
        self,
        msg: object,
        *args: object,
        exc_info: Any = None,
        stack_info: bool = False,
        stacklevel: int = 2,
        extra: Mapping[str, object] | None = None,
        **kwargs: object,
    ) -> None:
        self._log(_DEBUG, msg, args, exc_info, stack_info, stacklevel, extra, kwargs)

    def info(
        self,
        msg: object,
        *args: object,
        exc_info: Any = None,
        stack_info: bool = False,
        stacklevel: int = 2,
        extra: Mapping[str, object] | None = None,
        **kwargs: object,
    ) -> None:
        self._log(_INFO, msg, args, exc_info, stack_info, stacklevel, extra, kwargs)

    def warning(
        self,
        msg: object,
        *args: object,
        exc_info: Any = None,
        stack_info: bool = False,
        stacklevel: int = 2,
        extra: Mapping[str, object] | None = None,
        **kwargs: object,
    ) -> None:
        self._log(_WARNING, msg, args, exc_info, stack_info, stacklevel, extra, kwargs)

    def error(
        self,
        msg: object,
        *args: object,
        exc_info: Any = None,
        stack_info: bool = False,
        stacklevel: int = 2,
        extra: Mapping[str, object] | None = None,
        **kwargs: object,
    ) -> None:
        self._log(_ERROR, msg, args, exc_info, stack_info, stacklevel, extra, kwargs)

    def exception(
        self,
        msg: object,
        *args: object,
        exc_info: Any = True,
        stack_info: bool = False,
        stacklevel: int = 2,
        extra: Mapping[str, object] | None = None,
        **kwargs: object,
    ) -> None:
        self._log(_ERROR, msg, args, exc_info, stack_info, stacklevel, extra, kwargs)

    def critical(
        self,
        msg: object,
        *args: object,
        exc_info: Any = None,
        stack_info: bool = False,
        stacklevel: int = 2,
        extra: Mapping[str, object] | None = None,
        **kwargs: object,
    ) -> None:
        self._log(_CRITICAL, msg, args, exc_info, stack_info, stacklevel, extra, kwargs)

    def log(
        self,
        level: int,
        msg: object,
        *args: object,
        exc_info: Any = None,
        stack_info: bool = False,
        stacklevel: int = 2,
        extra: Mapping[str, object] | None = None,
        **kwargs: object,
    ) -> None:
        if not isinstance(level, int) or isinstance(level, bool):
            raise TypeError(f"level must be an integer, got {level!r}")
        self._log(level, msg, args, exc_info, stack_info, stacklevel, extra, kwargs)

    def _log(
        self,
        level: int,
        msg: object,
        args: tuple[object, ...],
        exc_info: Any,
        stack_info: bool,
        stacklevel: int,
        extra: Mapping[str, object] | None,
        kwargs: dict[str, object],
    ) -> None:
        # Called directly by the public methods above: frame 0 is _log, 1 the method, 2 the user's call.
        config = self._buffer_config
        buffered = config is not None and level <= config.buffer_level
        if not buffered:
            if config is not None and level >= _ERROR and config.flush_on_error_log:
                self.flush_buffer()
            if not self._logger.isEnabledFor(level):
                return
        if kwargs:
            extra = {**extra, **kwargs} if extra else kwargs
        if extra and not _RECORD_ATTRS.isdisjoint(extra):
            extra = _rename_reserved(extra)
        record = self._make_record(level, msg, args, exc_info, stack_info, stacklevel, extra)
        if buffered:
            self._add_to_buffer(record)
        else:
            self._logger.handle(record)

    def _make_record(
        self,
        level: int,
        msg: object,
        args: tuple[object, ...],
        exc_info: Any,
        stack_info: bool,
        stacklevel: int,
        extra: Mapping[str, object] | None,
    ) -> logging.LogRecord:
        if exc_info:
            if isinstance(exc_info, BaseException):
                exc_info = (type(exc_info), exc_info, exc_info.__traceback__)
            elif not isinstance(exc_info, tuple):
                exc_info = sys.exc_info()
        # The caller's frame directly: cheaper than logging's findCaller walk, same result.
        try:
            frame = sys._getframe(stacklevel + 1)
        except ValueError:
            frame = sys._getframe(1)
            while frame.f_back is not None:
                frame = frame.f_back
        code = frame.f_code
        sinfo = _stack_info(frame) if stack_info else None
        logger = self._logger
        return logger.makeRecord(
            logger.name,
            level,
            code.co_filename,
            frame.f_lineno,
            msg,
            args,
            exc_info,
            code.co_name,
            extra,
            sinfo,
        )

    # --- buffering ----------------------------------------------------------------

    def _buffer_key(self) -> str:
        return current_trace_id() or (invocation is not None and invocation.current_request_id) or "local"

    def _add_to_buffer(self, record: logging.LogRecord) -> None:
        from powertools.logger.buffer.cache import estimate_size

        buffer = self._buffer
        assert buffer is not None
        if not buffer.add(self._buffer_key(), record, estimate_size(record)):
            warnings.warn(
                f"Cannot add item to the buffer. Item size exceeds total cache size {buffer.max_bytes} bytes",
                PowertoolsUserWarning,
                stacklevel=4,
            )
            self._logger.handle(record)  # written now rather than lost

    def flush_buffer(self) -> None:
        """Write this invocation's buffered records (oldest first, original timestamps) and empty the buffer."""
        buffer = self._buffer
        if buffer is None or self._buffer_config is None:
            return
        records = buffer.records(self._buffer_key())
        evicted = buffer.evicted
        buffer.clear()
        if not records:
            return
        alc = lambda_log_level()
        if alc is not None and alc > self._buffer_config.buffer_level:
            warn_alc_filters_buffer()
        for record in records:
            self._logger.handle(record)
        if evicted:
            warnings.warn(
                f"{evicted} buffered log record(s) were evicted before this flush because the buffer "
                f"exceeded {buffer.max_bytes} bytes. Increase max_bytes to keep more.",
                PowertoolsUserWarning,
                stacklevel=2,
            )

    def clear_buffer(self) -> None:
        """Drop buffered records without writing them."""
        if self._buffer is not None:
            self._buffer.clear()

    # --- keys ----------------------------------------------------------------------

    def append_keys(self, **additional_keys: object) -> None:
        self.registered_formatter.append_keys(**additional_keys)

    def get_current_keys(self) -> dict[str, Any]:
        return self.registered_formatter.get_current_keys()

    def remove_keys(self, keys: Iterable[str]) -> None:
        self.registered_formatter.remove_keys(keys)

    def append_context_keys(self, **additional_keys: Any) -> _TemporaryKeys:
        """``with logger.append_context_keys(order_id=1): ...`` — keys only inside the block."""
        return self.registered_formatter.append_context_keys(**additional_keys)

    def clear_state(self) -> None:
        """Remove every appended key; keep the constructor's keys."""
        self.registered_formatter.clear_state()
        self.structure_logs(**self._default_log_keys)

    def thread_safe_append_keys(self, **additional_keys: object) -> None:
        self.registered_formatter.thread_safe_append_keys(**additional_keys)

    def thread_safe_get_current_keys(self) -> dict[str, Any]:
        return self.registered_formatter.thread_safe_get_current_keys()

    def thread_safe_remove_keys(self, keys: Iterable[str]) -> None:
        self.registered_formatter.thread_safe_remove_keys(keys)

    def thread_safe_clear_keys(self) -> None:
        self.registered_formatter.thread_safe_clear_keys()

    def structure_logs(
        self, append: bool = False, formatter_options: dict[str, Any] | None = None, **keys: Any
    ) -> None:
        """Install the JSON formatter (first call), append keys (``append=True``), or reset keys to ``keys``."""
        log_keys = {**self._default_log_keys, **keys}
        if not getattr(self._logger, _PRECONFIGURED, False):
            formatter = self.logger_formatter or LambdaPowertoolsFormatter(**(formatter_options or {}), **log_keys)
            self.registered_handler.setFormatter(formatter)
            # Formatter options passed as keys (json_default=...) are options, never log keys.
            custom = {k: v for k, v in log_keys.items() if k not in RESERVED_FORMATTER_CUSTOM_KEYS}
            self.registered_formatter.append_keys(**custom)
            return
        if append:
            self.append_keys(**keys)
            return
        formatter = self.registered_formatter
        formatter.clear_state()
        formatter.thread_safe_clear_keys()
        formatter.append_keys(**log_keys)

    def set_correlation_id(self, value: str | None) -> None:
        """Add ``correlation_id`` to every record; None removes it."""
        self.append_keys(correlation_id=value)

    def get_correlation_id(self) -> str | None:
        formatter = self.registered_formatter
        if isinstance(formatter, LambdaPowertoolsFormatter):
            return formatter.log_format.get("correlation_id")
        return None

    # --- logging.Logger surface ----------------------------------------------------

    def setLevel(self, level: str | int | None) -> None:
        self._logger.setLevel(resolve_log_level(level))

    def addHandler(self, handler: logging.Handler) -> None:
        self._logger.addHandler(handler)

    def addFilter(self, filter: Any) -> None:
        self._logger.addFilter(filter)

    def removeFilter(self, filter: Any) -> None:
        self._logger.removeFilter(filter)

    @property
    def registered_handler(self) -> logging.Handler:
        """The handler writing this Logger's records (the parent's, for a child)."""
        handler = self.logger_handler
        if handler is None and self.child:
            handler = getattr(self._logger.parent, _HANDLER, None)
        return handler  # type: ignore[return-value]

    @property
    def registered_formatter(self) -> BasePowertoolsFormatter:
        handler = self.registered_handler
        if handler is None or handler.formatter is None:
            raise OrphanedChildLoggerError(
                f"Child logger {self._logger.name!r} has no parent Logger(service={self.service!r}) yet, so it "
                "cannot append or remove keys. Create the parent Logger first (usually in the handler module) "
                "or change keys later."
            )
        return handler.formatter  # type: ignore[return-value]

    @property
    def log_level(self) -> int:
        return self._logger.level

    @property
    def level(self) -> int:
        return self._logger.level

    @property
    def name(self) -> str:
        return self._logger.name

    @property
    def handlers(self) -> list[logging.Handler]:
        return self._logger.handlers

    # --- Lambda handler decorator --------------------------------------------------

    def inject_lambda_context(
        self,
        lambda_handler: AnyCallableT | None = None,
        log_event: bool | None = None,
        correlation_id_path: str | None = None,
        clear_state: bool | None = False,
        flush_buffer_on_uncaught_error: bool = False,
    ) -> Any:
        """Decorator adding cold_start and Lambda context keys to every record of an invocation.

        Works on sync and async handlers and on methods (``def handler(self, event, context)``).
        """
        if lambda_handler is None:
            return functools.partial(
                self.inject_lambda_context,
                log_event=log_event,
                correlation_id_path=correlation_id_path,
                clear_state=clear_state,
                flush_buffer_on_uncaught_error=flush_buffer_on_uncaught_error,
            )
        if not callable(lambda_handler):
            raise TypeError(f"inject_lambda_context decorates a callable, got {lambda_handler!r}")
        should_log_event = env_bool(LOG_EVENT_ENV, False, log_event)
        state = _invocation()
        if correlation_id_path:
            from powertools.common.jmespath import compile_expression

            compile_expression(correlation_id_path)  # a typo fails at import, not on the first request
        handler = lambda_handler

        def start(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
            if len(args) == 2 and not kwargs:  # handler(event, context): the usual call, no search needed
                event, context = args
            else:
                event, context = state.split_event_and_context(args, kwargs)
            self._start_invocation(event, context, should_log_event, correlation_id_path, bool(clear_state))

        def failed() -> None:
            if flush_buffer_on_uncaught_error:
                debug_logger.debug("Uncaught error: flushing the log buffer")
                self.flush_buffer()

        if state.is_coroutine_function(handler):

            @functools.wraps(handler)
            async def async_decorate(*args: Any, **kwargs: Any) -> Any:
                start(args, kwargs)
                try:
                    return await handler(*args, **kwargs)
                except BaseException:
                    failed()
                    raise
                finally:
                    self._end_invocation()

            return async_decorate

        @functools.wraps(handler)
        def decorate(*args: Any, **kwargs: Any) -> Any:
            start(args, kwargs)
            try:
                return handler(*args, **kwargs)
            except BaseException:
                failed()
                raise
            finally:
                self._end_invocation()

        return decorate

    def _start_invocation(
        self, event: Any, context: Any, log_event: bool, correlation_id_path: str | None, clear_state: bool
    ) -> None:
        invocation = _invocation()
        cold_start = invocation.take_cold_start()
        keys = invocation.context_keys(cold_start, context)
        invocation.current_request_id = keys["function_request_id"]
        if clear_state:
            self.structure_logs(**keys)
        else:
            self.registered_formatter.append_keys(**keys)
        if correlation_id_path:
            from powertools.common.jmespath import query

            self.set_correlation_id(query(event, correlation_id_path))
        if log_event:
            self.info(invocation.extract_event(event), stacklevel=4)
        # Sampling was decided at init for the cold start; warm invocations decide again.
        if self.sampling_rate and not cold_start:
            self.refresh_sample_rate_calculation()

    def _end_invocation(self) -> None:
        if self._buffer is not None:
            self._buffer.clear()
        if invocation is not None:
            invocation.current_request_id = None


def _rename_reserved(extra: Mapping[str, object]) -> dict[str, object]:
    """``message=``/``name=``/... as extra keys become ``extra_<key>``: logging would raise KeyError."""
    return {(f"extra_{key}" if key in _RECORD_ATTRS else key): value for key, value in extra.items()}


def _stack_info(frame: Any) -> str:
    import traceback

    return "Stack (most recent call last):\n" + "".join(traceback.format_stack(frame)).rstrip("\n")


def set_package_logger(
    level: str | int = logging.DEBUG,
    stream: IO[str] | None = None,
    formatter: logging.Formatter | None = None,
) -> None:
    """Print powertools' own debug logs (silent by default); for troubleshooting the library itself."""
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(formatter or logging.Formatter("%(asctime)s %(name)s [%(levelname)s] %(message)s"))
    package_logger = logging.getLogger("powertools")
    package_logger.setLevel(level)
    package_logger.addHandler(handler)


def log_uncaught_exception_hook(
    exc_type: type[BaseException], exc_value: BaseException, exc_traceback: Any, logger: Logger
) -> None:
    """sys.excepthook that writes the uncaught exception as a JSON record."""
    logger.exception(exc_value, exc_info=(exc_type, exc_value, exc_traceback))
