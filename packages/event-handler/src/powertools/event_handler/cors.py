"""CORS: which origins may call the API, and the Access-Control-* headers that say so."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["CORSConfig"]


class CORSConfig:
    """CORS settings for a resolver (every route) or per route with ``cors=True/False``.

    ``allow_origin="*"`` (the default) allows any origin and suits prototypes only;
    name your front-end origin(s) in production. Preflight ``OPTIONS`` requests are
    answered automatically with ``204`` and ``Access-Control-Allow-Methods``.
    """

    _REQUIRED_HEADERS = ("Authorization", "Content-Type", "X-Amz-Date", "X-Api-Key", "X-Amz-Security-Token")

    def __init__(
        self,
        allow_origin: str = "*",
        extra_origins: list[str] | None = None,
        allow_headers: list[str] | None = None,
        expose_headers: list[str] | None = None,
        max_age: int | None = None,
        allow_credentials: bool = False,
    ) -> None:
        self._allowed_origins = [allow_origin, *(extra_origins or [])]
        self.allow_headers = {*self._REQUIRED_HEADERS, *(allow_headers or [])}
        self.expose_headers = list(expose_headers or [])
        self.max_age = max_age
        self.allow_credentials = allow_credentials

    def allowed_origin(self, extracted_origin: str | None) -> str | None:
        """The value for Access-Control-Allow-Origin, or None when this origin isn't allowed."""
        if extracted_origin is None:
            return None
        if extracted_origin in self._allowed_origins:
            return extracted_origin
        if "*" in self._allowed_origins:
            return "*"
        return None

    def to_dict(self, origin: str | None) -> dict[str, str]:
        """The Access-Control-* response headers for an allowed ``origin`` (none otherwise)."""
        if not origin or (origin not in self._allowed_origins and "*" not in self._allowed_origins):
            return {}
        headers = {
            "Access-Control-Allow-Origin": origin,
            "Access-Control-Allow-Headers": self.build_allow_methods(self.allow_headers),
        }
        if self.expose_headers:
            headers["Access-Control-Expose-Headers"] = ",".join(self.expose_headers)
        if self.max_age is not None:
            headers["Access-Control-Max-Age"] = str(self.max_age)
        # Browsers reject credentials with a wildcard origin, so only send it with a named one.
        if origin != "*" and self.allow_credentials:
            headers["Access-Control-Allow-Credentials"] = "true"
        return headers

    @staticmethod
    def build_allow_methods(methods: Iterable[str]) -> str:
        """Sorted, comma-separated: ``GET,OPTIONS,POST``."""
        return ",".join(sorted(methods))
