"""EventBridge: the event's detail."""

from __future__ import annotations

from powertools.parser.envelopes._single import SinglePayloadEnvelope
from powertools.parser.models.event_bridge import EventBridgeModel


class EventBridgeEnvelope(SinglePayloadEnvelope):
    """Returns ``detail`` validated into the model (``None`` when absent)."""

    event_model = EventBridgeModel
    payload_field = "detail"
