"""VPC Lattice (payload v2): the request body."""

from __future__ import annotations

from powertools.parser.envelopes._single import SinglePayloadEnvelope
from powertools.parser.models.vpc_latticev2 import VpcLatticeV2Model


class VpcLatticeV2Envelope(SinglePayloadEnvelope):
    """Returns ``body`` validated into the model (``None`` when absent)."""

    event_model = VpcLatticeV2Model
    payload_field = "body"
