from collections.abc import Mapping
from typing import Any

from powertools.common.typing import LambdaContext
from powertools.data_classes import PreSignUpTriggerEvent


def lambda_handler(event: dict, context: LambdaContext) -> Mapping[str, Any]:
    trigger = PreSignUpTriggerEvent(event)
    if trigger.request.user_attributes.get("email", "").endswith("@example.com"):
        trigger.response.auto_confirm_user = True
        trigger.response.auto_verify_email = True
    return trigger.raw_event
