"""Amazon Connect contact flow event."""

from __future__ import annotations

from enum import Enum, auto

from powertools.common.dict_wrapper import DictWrapper
from powertools.data_classes._fields import EnumField, Field, Section, mapping

__all__ = [
    "ConnectContactFlowChannel",
    "ConnectContactFlowData",
    "ConnectContactFlowEndpoint",
    "ConnectContactFlowEndpointType",
    "ConnectContactFlowEvent",
    "ConnectContactFlowInitiationMethod",
    "ConnectContactFlowMediaStreamAudio",
    "ConnectContactFlowMediaStreamCustomer",
    "ConnectContactFlowMediaStreams",
    "ConnectContactFlowQueue",
]


class ConnectContactFlowChannel(Enum):
    VOICE = auto()
    CHAT = auto()


class ConnectContactFlowEndpointType(Enum):
    TELEPHONE_NUMBER = auto()


class ConnectContactFlowInitiationMethod(Enum):
    INBOUND = auto()
    OUTBOUND = auto()
    TRANSFER = auto()
    CALLBACK = auto()
    API = auto()


class ConnectContactFlowEndpoint(DictWrapper):
    address = Field[str]("Address", "A phone number in E.164 format.")
    endpoint_type = EnumField(ConnectContactFlowEndpointType, "Type")


class ConnectContactFlowQueue(DictWrapper):
    arn = Field[str]("ARN")
    name = Field[str]("Name")


class ConnectContactFlowMediaStreamAudio(DictWrapper):
    start_fragment_number = Field[str]("StartFragmentNumber")
    start_timestamp = Field[str]("StartTimestamp", "Epoch milliseconds, as a string.")
    stream_arn = Field[str]("StreamARN")


class ConnectContactFlowMediaStreamCustomer(DictWrapper):
    audio = Section(ConnectContactFlowMediaStreamAudio, "Audio")


class ConnectContactFlowMediaStreams(DictWrapper):
    customer = Section(ConnectContactFlowMediaStreamCustomer, "Customer")


class ConnectContactFlowData(DictWrapper):
    attributes = Field[dict[str, str]]("Attributes", "Contact attributes set earlier in the flow.")
    channel = EnumField(ConnectContactFlowChannel, "Channel")
    contact_id = Field[str]("ContactId")
    customer_endpoint = Section(ConnectContactFlowEndpoint, "CustomerEndpoint", optional=True)
    initial_contact_id = Field[str]("InitialContactId")
    initiation_method = EnumField(ConnectContactFlowInitiationMethod, "InitiationMethod")
    instance_arn = Field[str]("InstanceARN")
    previous_contact_id = Field[str]("PreviousContactId")
    queue = Section(ConnectContactFlowQueue, "Queue", optional=True)
    system_endpoint = Section(ConnectContactFlowEndpoint, "SystemEndpoint", optional=True)
    media_streams = Section(ConnectContactFlowMediaStreams, "MediaStreams")


class ConnectContactFlowEvent(DictWrapper):
    """A contact flow invoking a function with the contact's data and the block's parameters."""

    @property
    def contact_data(self) -> ConnectContactFlowData:
        return ConnectContactFlowData(mapping(self._section("Details").get("ContactData") or {}, "Details.ContactData"))

    @property
    def parameters(self) -> dict[str, str]:
        """The parameters set on the "Invoke AWS Lambda function" block."""
        return dict(mapping(self._section("Details").get("Parameters") or {}, "Details.Parameters"))
