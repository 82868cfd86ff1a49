"""A small ``multipart/form-data`` reader for ``File()``/``Form()`` parameters (bodies are Lambda-sized)."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from powertools.event_handler.openapi.exceptions import RequestValidationError
from powertools.event_handler.openapi.params import UploadFile

__all__ = ["parse_multipart"]


def _invalid(reason: str) -> RequestValidationError:
    return RequestValidationError(
        [
            {
                "type": "multipart_invalid",
                "loc": ("body",),
                "msg": "Multipart form data parsing error",
                "input": {},
                "ctx": {"error": reason},
            }
        ]
    )


def _boundary(content_type: str) -> str | None:
    for segment in content_type.split(";"):
        name, _, value = segment.strip().partition("=")
        if name.lower() == "boundary" and value:
            return value.strip('"')
    return None


def _header_param(line: str, name: str) -> str | None:
    marker = f'{name}="'
    start = line.find(marker)
    if start == -1:
        return None
    start += len(marker)
    end = line.find('"', start)
    return line[start:end] if end != -1 else None


def parse_multipart(event: Any, content_type: str) -> dict[str, Any]:
    """Field name -> str (form field), UploadFile (file part) or a list of them when repeated."""
    boundary = _boundary(content_type)
    if not boundary:
        raise _invalid("missing boundary in the multipart/form-data Content-Type")
    raw = event.body or ""
    try:
        # Without base64 (REST APIs lacking a binary media type) latin-1 keeps every byte as sent.
        body = base64.b64decode(raw, validate=True) if event.is_base64_encoded else raw.encode("latin-1")
    except (binascii.Error, ValueError, UnicodeEncodeError) as exc:
        raise _invalid(str(exc)) from exc
    result: dict[str, Any] = {}
    for part in body.split(f"--{boundary}".encode()):
        if part.startswith(b"\r\n"):
            part = part[2:]
        if part.endswith(b"\r\n"):
            part = part[:-2]
        if not part.strip() or part.strip() == b"--":
            continue
        head, separator, content = part.partition(b"\r\n\r\n")
        if not separator:
            continue
        name = filename = part_type = None
        for line in head.decode("utf-8", "replace").split("\r\n"):
            lowered = line.lower()
            if lowered.startswith("content-disposition:"):
                name, filename = _header_param(line, "name"), _header_param(line, "filename")
            elif lowered.startswith("content-type:"):
                part_type = line.split(":", 1)[1].strip()
        if name is None:
            continue
        text = content.decode("utf-8", "replace") if filename is None else ""
        value: Any = UploadFile(content, filename, part_type) if filename is not None else text
        if name in result:
            existing = result[name]
            result[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            result[name] = value
    return result
