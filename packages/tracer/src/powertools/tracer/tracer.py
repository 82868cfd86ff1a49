"""Tracer: subsegments for the Lambda handler and any method, on X-Ray or OpenTelemetry."""

from __future__ import annotations

from powertools.common.config import SERVICE_NAME_ENV, env_str
from powertools.common.debug import get_debug_logger
from powertools.common.exceptions import ConfigurationError
from powertools.tracer import settings
from powertools.tracer.base import BaseProvider
from powertools.tracer.capture import encode
from powertools.tracer.validation import check_annotation, check_namespace, subsegment_name

# Not typing.TYPE_CHECKING: importing `typing` adds to every cold start. `functools` is
# imported where a decorator needs it, so neither import nor Tracer() pays for it.
TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable, Sequence
    from typing import Any, ClassVar, TypeVar, overload

    from powertools.tracer.base import AnnotationValue
    from powertools.tracer.wrappers import Recording

    AnyCallableT = TypeVar("AnyCallableT", bound=Callable[..., Any])

logger = get_debug_logger(__name__)

# True until the first traced handler invocation of this execution environment.
is_cold_start = True


class _SharedConfig:
    # A plain class, not a dataclass: `dataclasses` imports `inspect` (~10 ms of cold start).
    __slots__ = ("auto_patch", "disabled", "patch_modules", "provider", "service")

    def __init__(self) -> None:
        self.service = ""
        self.disabled = False
        self.auto_patch = True
        self.patch_modules: tuple[str, ...] | None = None
        self.provider: BaseProvider | None = None


class Tracer:
    """Traces the Lambda handler and the methods it calls.

    Every ``Tracer()`` shares one configuration: the first one built decides, and
    later ones fill in only what they pass explicitly, so ``Tracer()`` in any module
    of the function reuses the handler module's settings.

    Tracing is off (decorators return the function unchanged, aws_xray_sdk is not
    imported) with ``disabled=True``, POWERTOOLS_TRACE_DISABLED, outside Lambda,
    under SAM local or Chalice local, and with POWERTOOLS_DEV.
    """

    _config: ClassVar[_SharedConfig] = _SharedConfig()

    def __init__(
        self,
        service: str | None = None,
        disabled: bool | None = None,
        auto_patch: bool | None = None,
        patch_modules: Sequence[str] | None = None,
        provider: BaseProvider | Any | None = None,
    ) -> None:
        modules = _check_modules(patch_modules)
        chosen = _as_provider(provider) if provider is not None else None
        is_disabled = disabled if disabled is not None else settings.disabled_by_environment()

        config = self._config
        config.provider = chosen or config.provider
        config.auto_patch = auto_patch if auto_patch is not None else config.auto_patch
        # Unlike other utilities, no "service_undefined": without a name there is no Service annotation.
        config.service = env_str(SERVICE_NAME_ENV, "", service) or config.service
        config.disabled = is_disabled or config.disabled
        config.patch_modules = modules or config.patch_modules

        self.service: str = config.service
        self.disabled: bool = config.disabled
        self.auto_patch: bool = config.auto_patch

        if self.disabled:
            logger.debug("Tracing is disabled")
            return
        active = self.provider
        if self.auto_patch:
            self.patch(config.patch_modules)
        configure = getattr(active, "configure_for_lambda", None)
        if callable(configure):
            configure()

    # --- the backend --------------------------------------------------------------------

    @property
    def provider(self) -> BaseProvider:
        """The backend; for X-Ray it also exposes every ``xray_recorder`` method (escape hatch)."""
        config = self._config
        if config.provider is None:
            from powertools.tracer.xray import XRayProvider

            xray = XRayProvider()
            if config.disabled:
                xray.disable()
            config.provider = xray
        return config.provider

    def patch(self, modules: Sequence[str] | None = None) -> None:
        """Instrument the given libraries (``("botocore", "requests")``), or every supported one."""
        checked = _check_modules(modules)
        if self.disabled:
            logger.debug("Tracing is disabled; not patching")
            return
        provider = self.provider
        patch = getattr(provider, "patch_all", None) if checked is None else getattr(provider, "patch", None)
        if patch is None:  # a duck-typed provider without patching: nothing to instrument
            logger.debug("The %s provider can't patch modules", type(provider).__name__)
        elif checked is None:
            patch()
        else:
            patch(checked)

    def ignore_endpoint(self, hostname: str | None = None, urls: list[str] | None = None) -> None:
        """Don't trace HTTP calls to ``hostname`` (a glob) or these URLs; X-Ray provider only."""
        if self.disabled:
            return
        ignore = getattr(self.provider, "ignore_endpoint", None)
        if callable(ignore):
            ignore(hostname=hostname, urls=urls)
        else:
            logger.debug("The %s provider can't ignore endpoints", type(self.provider).__name__)

    # --- annotations and metadata -------------------------------------------------------

    def put_annotation(self, key: str, value: AnnotationValue) -> None:
        """Add an indexed, searchable key-value pair to the current (sub)segment.

        Raises InvalidAnnotationError for a key or value X-Ray would silently drop,
        also while tracing is disabled, so unit tests catch it.
        """
        check_annotation(key, value)
        if self.disabled:
            return
        (self._config.provider or self.provider).put_annotation(key=key, value=value)  # skips the property when set

    def put_metadata(self, key: str, value: Any, namespace: str | None = None) -> None:
        """Add a non-indexed value to the current (sub)segment, under the service's namespace by default.

        A value the backend can't serialize (or bigger than 48 KiB encoded) is skipped
        with a debug log, so the rest of the subsegment is still sent.
        """
        namespace = namespace or self.service
        check_namespace(namespace)
        if self.disabled:
            return
        provider = self.provider
        ok, stored = encode(provider, key, value)
        if ok:
            provider.put_metadata(key=key, value=stored, namespace=namespace)

    # --- decorators ---------------------------------------------------------------------

    def capture_lambda_handler(
        self,
        lambda_handler: Callable[..., Any] | None = None,
        capture_response: bool | None = None,
        capture_error: bool | None = None,
    ) -> Any:
        """Trace the handler as ``## <handler name>`` with ColdStart and Service annotations.

        The response goes to ``<name> response`` and an exception to ``<name> error``
        metadata unless ``capture_response``/``capture_error`` (or
        POWERTOOLS_TRACER_CAPTURE_RESPONSE/_ERROR) say false.
        """
        if lambda_handler is None:
            import functools  # here, not at module level: only decorating needs it

            return functools.partial(
                self.capture_lambda_handler, capture_response=capture_response, capture_error=capture_error
            )
        if self.disabled:
            return lambda_handler
        import functools
        import inspect  # only when tracing is on: it costs ~10 ms to import

        recording = self._recording(lambda_handler.__name__, capture_response, capture_error)
        if inspect.iscoroutinefunction(lambda_handler):
            return self._async_handler(lambda_handler, recording)

        @functools.wraps(lambda_handler)
        def traced(event: Any, context: Any, **kwargs: Any) -> Any:
            with self.provider.in_subsegment(name=recording.name) as segment:
                self._annotate_invocation(segment)
                try:
                    response = lambda_handler(event, context, **kwargs)
                except Exception as error:
                    recording.error(segment, error)
                    raise
                recording.response(segment, response)
                return response

        return traced

    if TYPE_CHECKING:  # the overloads are for type checkers; `overload` would import typing

        @overload
        def capture_method(self, method: AnyCallableT) -> AnyCallableT: ...

        @overload
        def capture_method(
            self,
            method: None = None,
            capture_response: bool | None = None,
            capture_error: bool | None = None,
        ) -> Callable[[AnyCallableT], AnyCallableT]: ...

    def capture_method(
        self,
        method: AnyCallableT | None = None,
        capture_response: bool | None = None,
        capture_error: bool | None = None,
    ) -> Any:
        """Trace a function, coroutine, generator or context manager as ``## <module>.<qualname>``."""
        if method is None:
            import functools  # here, not at module level: only decorating needs it

            return functools.partial(
                self.capture_method, capture_response=capture_response, capture_error=capture_error
            )
        if self.disabled:
            return method  # no wrapper at all: a disabled tracer costs nothing per call
        from powertools.tracer.wrappers import wrap  # only when tracing is on

        label = subsegment_name(f"{method.__module__}.{method.__qualname__}")
        return wrap(method, self._recording(label, capture_response, capture_error))

    # --- internals ----------------------------------------------------------------------

    def _recording(self, label: str, capture_response: bool | None, capture_error: bool | None) -> Recording:
        from powertools.tracer.wrappers import Recording

        return Recording(
            label=subsegment_name(label),
            namespace=self.service,
            capture_response=settings.capture_response(capture_response),
            capture_error=settings.capture_error(capture_error),
            provider=lambda: self._config.provider or self.provider,  # skips the property once set
        )

    def _annotate_invocation(self, segment: Any) -> None:
        global is_cold_start
        if segment is None:
            return
        segment.put_annotation(key="ColdStart", value=is_cold_start)
        is_cold_start = False
        if self.service:
            segment.put_annotation(key="Service", value=self.service)

    def _async_handler(self, handler: Callable[..., Any], recording: Recording) -> Callable[..., Any]:
        import functools

        @functools.wraps(handler)
        async def traced(event: Any, context: Any, **kwargs: Any) -> Any:
            async with self.provider.in_subsegment_async(name=recording.name) as segment:
                self._annotate_invocation(segment)
                try:
                    response = await handler(event, context, **kwargs)
                except Exception as error:
                    recording.error(segment, error)
                    raise
                recording.response(segment, response)
                return response

        return traced

    @classmethod
    def _reset_config(cls) -> None:
        """Forget the shared configuration and cold start (for tests)."""
        global is_cold_start
        cls._config = _SharedConfig()
        is_cold_start = True


def _check_modules(modules: Sequence[str] | None) -> tuple[str, ...] | None:
    if modules is None:
        return None
    # A bare string is a sequence too; patching "requests" letter by letter is never meant.
    if isinstance(modules, str) or not all(isinstance(m, str) and m for m in modules):
        raise ConfigurationError("patch_modules", modules, "a sequence of module names, e.g. ('botocore', 'requests')")
    return tuple(modules)


def _as_provider(provider: Any) -> BaseProvider:
    if isinstance(provider, BaseProvider):
        return provider
    from powertools.tracer.xray import XRayProvider, is_xray_recorder

    if is_xray_recorder(provider):
        return XRayProvider(provider)
    # Duck-typed, as upstream accepts any object: what every traced call needs must be there.
    missing = [name for name in _DUCK_METHODS if not callable(getattr(provider, name, None))]
    if not missing:
        duck: BaseProvider = provider  # checked above: it has what Tracer calls
        return duck
    raise ConfigurationError(
        "provider",
        provider,
        "a powertools.tracer.BaseProvider, an X-Ray recorder, or an object with "
        f"{', '.join(_DUCK_METHODS)} methods (missing: {', '.join(missing)})",
    )


_DUCK_METHODS = ("in_subsegment", "put_annotation", "put_metadata")
