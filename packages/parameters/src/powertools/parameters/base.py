"""``BaseProvider``: the cache every provider shares, and the base for custom stores.

A provider written for upstream (``_get`` and ``_get_multiple``) runs unchanged::

    class ConfigFileProvider(BaseProvider):
        def _get(self, name, **sdk_options): ...
        def _get_multiple(self, path, **sdk_options): ...

Values are cached per provider instance under a key made of the name, the transform,
whether it was a multiple-value read, and any options that change what the store
returns (``decrypt``, ``VersionId``, ...). The cache uses a monotonic clock, so a wall
clock step never keeps a stale value alive.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from time import monotonic

from powertools.common.debug import get_debug_logger
from powertools.parameters.constants import DEFAULT_MAX_AGE_SECS, DEFAULT_PROVIDERS, MAX_AGE_ENV
from powertools.parameters.exceptions import GetParameterError
from powertools.parameters.transform import check_transform, get_transform_method, transform_value

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    from powertools.parameters.types import TransformOptions

__all__ = [
    "BaseProvider",
    "ExpirableValue",
    "clear_caches",
    "now",
    "get_transform_method",
    "resolve_max_age",
    "transform_value",
]

_MISSING: Any = object()
logger = get_debug_logger("powertools.parameters")  # loads ``logging`` only once a record could be seen


def now() -> float:
    """The cache's clock (read through the module, so one replacement moves every user of it)."""
    return monotonic()


class ExpirableValue:
    """A cached value and the monotonic time (seconds) until which it may be served."""

    __slots__ = ("ttl", "value")

    def __init__(self, value: Any, ttl: float) -> None:
        self.value = value
        self.ttl = ttl

    def __repr__(self) -> str:  # never the value: it may be a secret
        return f"ExpirableValue(value=<{type(self.value).__name__}>, ttl={self.ttl!r})"


def resolve_max_age(max_age: float | None) -> float:
    """``max_age`` if given, else ``POWERTOOLS_PARAMETERS_MAX_AGE``, else 300 seconds."""
    if max_age is None:
        from powertools.common.config import env_int

        return env_int(MAX_AGE_ENV, int(DEFAULT_MAX_AGE_SECS))
    if isinstance(max_age, bool) or not isinstance(max_age, (int, float)):
        from powertools.common.exceptions import ConfigurationError

        raise ConfigurationError("max_age", max_age, "a number of seconds")
    return max_age


def freeze(value: Any) -> Any:
    """A hashable stand-in for SDK options, so they can be part of a cache key."""
    if isinstance(value, dict):
        return tuple(sorted((str(key), freeze(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(freeze(item) for item in value)
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


class BaseProvider(ABC):
    """Caching and transforms around a store's ``_get`` / ``_get_multiple``."""

    store: dict[Any, ExpirableValue]
    # The noun error messages use for what this provider reads.
    _kind = "parameter"
    # Whether _build_cache_key is ours: then the hot path builds the tuple inline.
    _plain_cache_key = True

    def __init__(self, *, client: Any = None, resource: Any = None) -> None:
        # client / resource: accepted for upstream's signature; nothing to register here.
        self.store = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._plain_cache_key = cls._build_cache_key is BaseProvider._build_cache_key

    # --- reading -------------------------------------------------------------------------

    def get(
        self,
        name: str,
        max_age: int | None = None,
        transform: TransformOptions = None,
        force_fetch: bool = False,
        **sdk_options: Any,
    ) -> str | bytes | dict[str, Any] | None:
        """The value of ``name``, from the cache while younger than ``max_age`` seconds.

        Raises ``GetParameterError`` naming ``name`` when the store fails, and
        ``TransformParameterError`` when ``transform`` can't be applied.
        """
        key = self._cache_key(name, transform, False, sdk_options)
        if not force_fetch:
            entry = self.store.get(key)
            if entry is not None and entry.ttl >= monotonic():
                return entry.value
        check_transform(transform)
        age = resolve_max_age(max_age)
        logger.debug("Fetching %s %r (cache miss or forced)", self._kind, name)
        try:
            value = self._fetch(name, force_fetch, sdk_options)
        except GetParameterError:
            raise
        except Exception as exc:
            raise self._get_error(name, exc) from exc
        if transform:
            value = transform_value(value, transform, raise_on_transform_error=True, key=name)
        # None is not cached: it may be a store's "not there yet".
        if value is not None:
            self.add_to_cache(key=key, value=value, max_age=age)
        return value

    def _fetch(self, name: str, force_fetch: bool, sdk_options: dict[str, Any]) -> Any:
        """One read from the store (AppConfig overrides it to pass ``force_fetch`` on)."""
        return self._get(name, **sdk_options)

    def _get_error(self, name: str, exc: BaseException) -> GetParameterError:
        return GetParameterError(f"Failed to get {self._kind} '{name}': {exc}", name=name)

    @abstractmethod
    def _get(self, name: str, **sdk_options: Any) -> str | bytes | dict[str, Any]:
        """Read one value from the store."""
        raise NotImplementedError()

    def get_multiple(
        self,
        path: str,
        max_age: int | None = None,
        transform: TransformOptions = None,
        raise_on_transform_error: bool = False,
        force_fetch: bool = False,
        **sdk_options: Any,
    ) -> dict[str, Any]:
        """Every value under ``path`` as ``{name: value}``, cached like ``get``.

        With ``raise_on_transform_error=False`` a value that fails its transform is ``None``.
        """
        key = self._cache_key(path, transform, True, sdk_options)
        if not force_fetch:
            cached = self._lookup(key)
            if cached is not _MISSING:
                return cached
        check_transform(transform)
        age = resolve_max_age(max_age)
        logger.debug("Fetching %ss under %r (cache miss or forced)", self._kind, path)
        try:
            values = self._get_multiple(path, **sdk_options)
        except GetParameterError:
            raise
        except Exception as exc:
            raise GetParameterError(f"Failed to get {self._kind}s under path '{path}': {exc}", name=path) from exc
        if transform:
            values.update(transform_value(values, transform, raise_on_transform_error=raise_on_transform_error))
        self.add_to_cache(key=key, value=values, max_age=age)
        return values

    @abstractmethod
    def _get_multiple(self, path: str, **sdk_options: Any) -> dict[str, str]:
        """Read every value under ``path`` from the store."""
        raise NotImplementedError()

    def set(self, name: str, value: Any, *, overwrite: bool = False, **kwargs: Any) -> Any:
        """Write a value (SSM and Secrets Manager implement it)."""
        raise NotImplementedError()

    # --- the cache -----------------------------------------------------------------------

    def has_not_expired_in_cache(self, key: Any) -> bool:
        entry = self.store.get(key)
        return entry is not None and entry.ttl >= monotonic()

    def fetch_from_cache(self, key: Any) -> Any:
        entry = self.store.get(key)
        return entry.value if entry is not None else {}

    def add_to_cache(self, key: Any, value: Any, max_age: float) -> None:
        if max_age <= 0:
            return
        self.store[key] = ExpirableValue(value, monotonic() + max_age)

    def clear_cache(self) -> None:
        self.store.clear()

    def _lookup(self, key: Any) -> Any:
        """The cached value for ``key`` while fresh, else ``_MISSING``."""
        entry = self.store.get(key)
        if entry is not None and entry.ttl >= monotonic():
            return entry.value
        return _MISSING

    def _build_cache_key(
        self, name: str, transform: TransformOptions = None, is_nested: bool = False
    ) -> tuple[Any, ...]:
        """The cache key of a read; subclasses may override it (upstream's signature)."""
        return (name, transform, is_nested)

    def _cache_key(
        self, name: str, transform: TransformOptions, is_nested: bool, options: dict[str, Any]
    ) -> tuple[Any, ...]:
        if self._plain_cache_key:
            key: tuple[Any, ...] = (name, transform, is_nested)
        else:
            key = tuple(self._build_cache_key(name=name, transform=transform, is_nested=is_nested))
        # Options that change the answer (decrypt, VersionId...) are part of the key.
        return (*key, freeze(options)) if options else key


def clear_caches() -> None:
    """Forget every value cached by the default providers (``get_parameter``, ``get_secret``...)."""
    DEFAULT_PROVIDERS.clear()
