"""Warning categories shared by every powertools package (upstream: aws_lambda_powertools.warnings)."""

from __future__ import annotations


class PowertoolsUserWarning(UserWarning):
    """Something in the user's configuration works, but probably not as intended."""


class PowertoolsDeprecationWarning(DeprecationWarning):
    """A feature that will be removed in a future major version."""
