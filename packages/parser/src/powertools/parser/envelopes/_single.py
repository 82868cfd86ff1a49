"""Envelopes whose event carries one payload (an HTTP body, an EventBridge detail, ...)."""

from __future__ import annotations

import base64
import binascii
from typing import Any, ClassVar

from pydantic import BaseModel

from powertools.parser.envelopes.base import BaseEnvelope

# Attribute names under which the HTTP models carry the "body is base64" flag.
_BASE64_FLAGS = ("isBase64Encoded", "is_base64_encoded")


class SinglePayloadEnvelope(BaseEnvelope):
    """Validate the event with ``event_model``, then its ``payload_field`` into the user's model.

    Returns the model instance, or ``None`` when the payload is absent (a GET without body).
    A body the event marks as base64-encoded is decoded first.
    """

    event_model: ClassVar[type[BaseModel]]
    payload_field: ClassVar[str]

    def parse(self, data: Any, model: Any) -> Any:
        parsed = self._parse_envelope(self.event_model, data)
        payload = getattr(parsed, self.payload_field)
        if isinstance(payload, str) and any(getattr(parsed, flag, False) is True for flag in _BASE64_FLAGS):
            payload = self._decode_base64_body(payload)
        return self._parse(payload, model)

    def _decode_base64_body(self, body: str) -> bytes:
        try:
            return base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            from pydantic import ValidationError

            raise ValidationError.from_exception_data(
                type(self).__name__,
                [
                    {
                        "type": "value_error",
                        "loc": (self.payload_field,),
                        "input": body[:64],
                        "ctx": {"error": ValueError("the body is marked base64-encoded but does not decode")},
                    }
                ],
            ) from None
