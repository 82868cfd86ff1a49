"""AWS Transfer Family custom identity provider (Lambda authorizer) event."""

from typing import Literal

from pydantic import BaseModel, Field, IPvAnyAddress


class TransferFamilyAuthorizer(BaseModel):
    username: str
    password: str | None = Field(None, repr=False)  # never shown in reprs or logs
    protocol: Literal["SFTP", "FTP", "FTPS"]
    server_id: str = Field(..., alias="serverId")
    source_ip: IPvAnyAddress = Field(..., alias="sourceIp")
