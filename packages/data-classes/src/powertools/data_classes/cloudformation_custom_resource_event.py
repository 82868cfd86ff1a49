"""AWS CloudFormation custom resource request."""

from __future__ import annotations

from typing import Any, Literal

from powertools.common.dict_wrapper import DictWrapper
from powertools.data_classes._fields import Field, FieldOr

__all__ = ["CloudFormationCustomResourceEvent"]


class CloudFormationCustomResourceEvent(DictWrapper):
    """A Create, Update or Delete request for a custom resource."""

    request_type = Field[Literal["Create", "Update", "Delete"]]("RequestType")
    service_token = Field[str]("ServiceToken")
    response_url = Field[str]("ResponseURL", "Pre-signed S3 URL to PUT the result to.")
    stack_id = Field[str]("StackId")
    request_id = Field[str]("RequestId")
    logical_resource_id = Field[str]("LogicalResourceId")
    physical_resource_id = FieldOr[str]("PhysicalResourceId", str, "Empty on Create.")
    resource_type = Field[str]("ResourceType")
    resource_properties = FieldOr[dict[str, Any]]("ResourceProperties", dict)
    old_resource_properties = FieldOr[dict[str, Any]](
        "OldResourceProperties", dict, "Update requests only (empty otherwise)."
    )
