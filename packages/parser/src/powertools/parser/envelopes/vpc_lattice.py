"""VPC Lattice (payload v1): the request body."""

from __future__ import annotations

from powertools.parser.envelopes._single import SinglePayloadEnvelope
from powertools.parser.models.vpc_lattice import VpcLatticeModel


class VpcLatticeEnvelope(SinglePayloadEnvelope):
    """Returns ``body`` validated into the model (``None`` when absent)."""

    event_model = VpcLatticeModel
    payload_field = "body"
