"""Warnings of the Datadog provider."""

from __future__ import annotations


class DatadogDataValidationWarning(Warning):
    """A tag Datadog may drop or rewrite (see Datadog's tagging rules)."""
