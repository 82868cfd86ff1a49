"""Error text that never carries a parameter's or secret's value.

Service and SDK messages normally describe the request, not the payload, but a few quote
what they were given (botocore's client-side validation prints the offending value, and a
failed UTF-8 decode prints the byte it choked on). Everything that becomes an exception
message or a log line goes through here first.
"""

from __future__ import annotations

REDACTED = "***"
# Shorter values are not searched for: "1" would blank every digit of "line 1 column 1",
# and no message we build derives its text from such a value anyway.
_MIN_REDACTED_LENGTH = 3


def describe(exc: BaseException, *values: object) -> str:
    """``str(exc)`` with every occurrence of ``values`` (and their reprs) replaced by ``***``."""
    if isinstance(exc, UnicodeDecodeError):
        # The default message quotes the undecodable byte: keep the position and reason only.
        return f"'{exc.encoding}' codec can't decode the value at position {exc.start}: {exc.reason}"
    return redact(str(exc), *values)


def redact(text: str, *values: object) -> str:
    for value in values:
        for form in _forms(value):
            if len(form) >= _MIN_REDACTED_LENGTH and form in text:
                text = text.replace(form, REDACTED)
    return text


def _forms(value: object) -> list[str]:
    """The spellings of ``value`` that a message could contain."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [form for item in value for form in _forms(item)] + [repr(value), str(value)]
    if isinstance(value, dict):
        return [form for item in value.values() for form in _forms(item)] + [repr(value), str(value)]
    if isinstance(value, (bytes, bytearray)):
        forms = [repr(bytes(value))]
        text = bytes(value).decode("utf-8", errors="ignore")
        return [*forms, text] if text else forms
    text = str(value)
    # Longest first, so the repr's quotes go with the value they surround.
    return sorted({repr(value), text}, key=len, reverse=True)
