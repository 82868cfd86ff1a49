"""Errors of the local dev server."""

from __future__ import annotations

from powertools.common.exceptions import PowertoolsError


class DevServerError(PowertoolsError):
    """The dev server cannot start: a bad ``module:app`` target, option or address."""
