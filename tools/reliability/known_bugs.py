"""Library bugs the suite found and pins (tests/test_reliability_known_bugs.py holds their reproducers).

A fuzz case that trips one of them is not counted against its target's claim: the bug has its own
row, "known bug (xfail)", until it is fixed. ``known_bug(exc)`` names the bug an exception comes
from, by the library function that raised it; anything else still fails the fuzz case.
"""

from __future__ import annotations

import traceback

__all__ = ["KNOWN_BUGS", "known_bug"]

# (path suffix of the library module, function) of the frame raising -> the bug's name.
KNOWN_BUGS: dict[tuple[str, str], str] = {
    ("parser/models/_decoders.py", "header_bytes"): "parser Kafka header value with a non-int byte",
    ("parser/models/vpc_latticev2.py", "_microseconds_to_seconds"): "parser VPC Lattice v2 timeEpoch not a number",
    ("parser/models/s3.py", "_size_and_etag_unless_removed"): "parser S3 record whose s3.object is not an object",
    ("parser/models/_decoders.py", "dynamodb_value"): "parser DynamoDB attribute value of the wrong type",
    ("parser/models/_decoders.py", "dynamodb_number"): "parser DynamoDB attribute value of the wrong type",
    ("event_handler/graphql_appsync/_registry.py", "find_resolver"): "AppSync parentTypeName not a string",
}


def known_bug(exc: BaseException) -> str | None:
    """The known bug ``exc`` comes from (its innermost powertools frame), or None."""
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__) if "/powertools/" in frame.filename]
    if not frames:
        return None
    last = frames[-1]
    for (suffix, function), name in KNOWN_BUGS.items():
        if last.filename.replace("\\", "/").endswith(suffix) and last.name == function:
            return name
    return None
