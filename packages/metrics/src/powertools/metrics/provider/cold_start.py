"""Whether this sandbox has served an invocation yet: one flag for every metrics instance."""

from __future__ import annotations

is_cold_start = True


def reset_cold_start_flag() -> None:
    """Make the next invocation count as a cold start again (for tests)."""
    global is_cold_start
    is_cold_start = True
