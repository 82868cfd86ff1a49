"""``get_parameters_by_name``: many SSM parameters in as few ``GetParameters`` calls as possible.

Names are grouped by whether they need decryption (so ``kms:Decrypt`` is only exercised
for the names that ask for it), cached names are served from the provider's cache, and
the rest are fetched 10 at a time. The cache is the one ``SSMProvider.get`` uses: a
name read one way is served the other way too.
"""

from __future__ import annotations

from powertools.parameters._retry import Backoff, is_throttling
from powertools.parameters._safety import describe
from powertools.parameters.base import _MISSING, logger, resolve_max_age
from powertools.parameters.exceptions import GetParameterError
from powertools.parameters.transform import check_transform, transform_value

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    from powertools.common.typing import LambdaContext
    from powertools.parameters.ssm import SSMProvider
    from powertools.parameters.types import TransformOptions

_OPTION_NAMES = frozenset({"transform", "decrypt", "max_age"})


class BatchRead:
    """One ``get_parameters_by_name`` call."""

    def __init__(
        self,
        provider: SSMProvider,
        *,
        transform: TransformOptions,
        decrypt: bool,
        max_age: int | None,
        raise_on_error: bool,
        lambda_context: LambdaContext | None,
    ) -> None:
        self.provider = provider
        self.transform = transform
        self.decrypt = decrypt
        self.max_age = resolve_max_age(max_age)
        self.raise_on_error = raise_on_error
        self.backoff = Backoff(lambda_context)
        self.values: dict[str, Any] = {}
        self.errors: list[str] = []
        self.throttled_out = False
        self.to_fetch: list[str] = []

    def run(self, parameters: dict[str, Any]) -> dict[str, Any]:
        errors_key = self.provider._ERRORS_KEY
        if not isinstance(parameters, dict):
            raise GetParameterError(
                f"parameters must be a dict of name -> options (or None), got {type(parameters).__name__}"
            )
        if not self.raise_on_error and errors_key in parameters:
            raise GetParameterError(f"You cannot fetch a parameter named '{errors_key}' in graceful error mode.")
        options = {name: self._options(name, given) for name, given in parameters.items()}

        pending: dict[bool, dict[str, dict[str, Any]]] = {False: {}, True: {}}
        for name, opts in options.items():
            cached = self.provider._lookup(self._key(name, opts))
            if cached is _MISSING:
                pending[opts["decrypt"]][name] = opts
            else:
                self.values[name] = cached
        self.to_fetch = [*pending[False], *pending[True]]
        for decrypt, group in pending.items():
            names = list(group)
            for start in range(0, len(names), self.provider._MAX_GET_PARAMETERS_ITEM):
                chunk = {name: group[name] for name in names[start : start + self.provider._MAX_GET_PARAMETERS_ITEM]}
                self._fetch_chunk(chunk, decrypt)

        # The caller's order, whatever was cached or fetched first.
        result: dict[str, Any] = {errors_key: self.errors} if not self.raise_on_error else {}
        result.update((name, self.values[name]) for name in options if name in self.values)
        return result

    def _options(self, name: str, given: Any) -> dict[str, Any]:
        if given is None:
            given = {}
        if not isinstance(given, dict):
            raise GetParameterError(f"Options for parameter '{name}' must be a dict or None", name=name)
        unknown = set(given) - _OPTION_NAMES
        if unknown:
            raise GetParameterError(
                f"Unknown option(s) {sorted(unknown)} for parameter '{name}': expected transform, decrypt, max_age",
                name=name,
            )
        transform = given.get("transform") or self.transform
        check_transform(transform)
        return {
            "transform": transform,
            "decrypt": bool(given["decrypt"]) if "decrypt" in given else self.decrypt,
            "max_age": resolve_max_age(given["max_age"]) if "max_age" in given else self.max_age,
        }

    def _key(self, name: str, opts: dict[str, Any]) -> tuple[Any, ...]:
        # The same key SSMProvider.get(name, transform=..., decrypt=...) uses.
        return self.provider._cache_key(name, opts["transform"], False, {"decrypt": opts["decrypt"]})

    def _fetch_chunk(self, chunk: dict[str, dict[str, Any]], decrypt: bool) -> None:
        names = list(chunk)
        if self.throttled_out:
            self.errors.extend(names)  # the retry budget is spent: no more calls
            return
        logger.debug("GetParameters for %d name(s), decrypt=%s", len(names), decrypt)
        while True:
            try:
                reply = self.provider.client.get_parameters(Names=names, WithDecryption=decrypt)
                break
            except Exception as exc:
                if is_throttling(exc) and self.backoff.wait():
                    continue
                self._failed(names, exc)
                return

        invalid = list(reply.get("InvalidParameters") or [])
        if invalid:
            if self.raise_on_error:
                raise GetParameterError(f"Failed to fetch parameters: {invalid}", name=invalid[0])
            self.errors.extend(invalid)
        for parameter in reply.get("Parameters", []):
            name = self._requested_name(parameter, chunk)
            if name is None:
                continue
            opts = chunk[name]
            value = parameter["Value"]
            if opts["transform"]:
                value = transform_value(
                    value, opts["transform"], raise_on_transform_error=self.raise_on_error, key=name
                )
            if value is not None:
                self.provider.add_to_cache(key=self._key(name, opts), value=value, max_age=opts["max_age"])
            self.values[name] = value

    def _failed(self, names: list[str], exc: Exception) -> None:
        throttled = is_throttling(exc)
        if throttled:
            self.throttled_out = True
        if self.raise_on_error:
            if throttled:
                # Everything still missing, not only this chunk: the later chunks won't be tried.
                missing = [name for name in self.to_fetch if name not in self.values and name not in self.errors]
                message = (
                    f"Throttled by SSM after {self.backoff.attempts} attempt(s); parameters not fetched: {missing}"
                )
            else:
                message = f"Failed to get parameters {names}: {describe(exc)}"
            raise GetParameterError(message, name=names[0]) from exc
        self.errors.extend(names)

    @staticmethod
    def _requested_name(parameter: dict[str, Any], chunk: dict[str, Any]) -> str | None:
        """The name as the caller wrote it (with a ``:version`` selector, or as an ARN)."""
        for candidate in (
            parameter.get("Name", "") + parameter.get("Selector", ""),
            parameter.get("Name"),
            parameter.get("ARN"),
        ):
            if candidate in chunk:
                return candidate
        return None
