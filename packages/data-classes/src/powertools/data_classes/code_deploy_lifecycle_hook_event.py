"""AWS CodeDeploy lifecycle hook event."""

from __future__ import annotations

from powertools.common.dict_wrapper import DictWrapper
from powertools.data_classes._fields import Field

__all__ = ["CodeDeployLifecycleHookEvent"]


class CodeDeployLifecycleHookEvent(DictWrapper):
    """A deployment hook; report back with ``put_lifecycle_event_hook_execution_status``."""

    deployment_id = Field[str]("DeploymentId")
    lifecycle_event_hook_execution_id = Field[str]("LifecycleEventHookExecutionId")
