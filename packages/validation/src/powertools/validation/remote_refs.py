"""Resolving remote ``$ref`` URIs: your handlers first, then a bounded HTTP(S) fetch.

fastjsonschema falls back to ``urllib.request.urlopen`` for any scheme without a
handler: no timeout, no size limit, and ``file://`` or ``ftp://`` too. Here a
scheme without a handler is fetched only over http/https, with a timeout and a
size cap; anything else is a clear InvalidSchemaFormatError. Compiled schemas are
cached, so each remote schema is fetched once per process, not per invocation.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from powertools.validation.exceptions import InvalidSchemaFormatError

MAX_REMOTE_SCHEMA_BYTES = 1024 * 1024
REMOTE_SCHEMA_TIMEOUT_SECONDS = 10.0

Fetch = Callable[[str], Any]
SchemaCheck = Callable[[Any, str], None]


def fetch_schema_over_http(uri: str) -> Any:
    """GET ``uri`` (http or https only) and parse it as JSON, within the time and size bounds.

    The time bound covers the whole fetch: a server sending one byte every few seconds never
    trips a per-read timeout, so the download runs on a worker thread that is given up on at
    the deadline (it ends by itself within one more read timeout).
    """
    from concurrent.futures import ThreadPoolExecutor
    from concurrent.futures import TimeoutError as FetchTimeout

    if urlsplit(uri).scheme not in ("http", "https"):
        raise InvalidSchemaFormatError(f"refusing to fetch $ref {uri!r}: only http and https are fetched")
    seconds = REMOTE_SCHEMA_TIMEOUT_SECONDS
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="schema-fetch")
    download = pool.submit(_download, uri, seconds)
    pool.shutdown(wait=False)
    try:
        body = download.result(timeout=seconds)
    except FetchTimeout:
        raise InvalidSchemaFormatError(f"fetching $ref {uri!r} took longer than {seconds:g} s") from None
    if len(body) > MAX_REMOTE_SCHEMA_BYTES:
        raise InvalidSchemaFormatError(f"$ref {uri!r} is larger than {MAX_REMOTE_SCHEMA_BYTES} bytes")
    return json.loads(body)


def _download(uri: str, seconds: float) -> bytes:
    from urllib.request import Request, urlopen

    request = Request(uri, headers={"Accept": "application/schema+json, application/json"})  # noqa: S310 - scheme checked
    chunks: list[bytes] = []
    size = 0
    with urlopen(request, timeout=seconds) as response:  # noqa: S310 - scheme checked by the caller
        while size <= MAX_REMOTE_SCHEMA_BYTES:
            chunk = response.read1(65536)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    return b"".join(chunks)


class RefHandlers(Mapping[str, Fetch]):
    """The ``handlers`` mapping given to fastjsonschema: it answers for every scheme.

    Each resolved schema is checked to be a schema and passed to ``check`` (the
    unknown-format check), and any failure becomes an InvalidSchemaFormatError
    naming the URI.
    """

    def __init__(self, handlers: Mapping[str, Fetch] | None, check: SchemaCheck) -> None:
        self._handlers = dict(handlers or {})
        self._check = check

    def __getitem__(self, scheme: str) -> Fetch:
        fetch = self._handlers.get(scheme)
        if fetch is None and scheme in ("http", "https"):
            fetch = fetch_schema_over_http
        return lambda uri: self._resolve(uri, scheme, fetch)

    def __contains__(self, scheme: object) -> bool:
        return isinstance(scheme, str)

    def __iter__(self) -> Iterator[str]:
        return iter(self._handlers)

    def __len__(self) -> int:
        return len(self._handlers)

    def _resolve(self, uri: str, scheme: str, fetch: Fetch | None) -> Any:
        if fetch is None:
            if not scheme:
                raise InvalidSchemaFormatError(
                    f"cannot resolve relative $ref {uri!r}: give the schema an absolute $id or use a '#/...' pointer"
                )
            raise InvalidSchemaFormatError(
                f"cannot resolve $ref {uri!r}: no handler for URI scheme {scheme!r}; pass handlers={{{scheme!r}: fn}}"
            )
        try:
            resolved = fetch(uri)
        except InvalidSchemaFormatError:
            raise
        except Exception as exc:
            raise InvalidSchemaFormatError(f"cannot resolve $ref {uri!r}: {type(exc).__name__}: {exc}") from exc
        if not isinstance(resolved, (dict, bool)):
            raise InvalidSchemaFormatError(
                f"$ref {uri!r} resolved to {type(resolved).__name__}, expected a JSON Schema (dict)"
            )
        self._check(resolved, uri)
        return resolved
