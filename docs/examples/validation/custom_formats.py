from collections.abc import Callable

from powertools.common.typing import LambdaContext
from powertools.validation import validate

REGIONS = {"eu-west-1", "eu-central-1", "us-east-1"}  # where the service runs

ASSUME_ROLE = {
    "type": "object",
    "required": ["account_id", "region"],
    "properties": {
        "account_id": {"type": "string", "format": "awsaccountid"},
        "region": {"type": "string", "format": "served_region"},
    },
}
FORMATS: dict[str, str | Callable[[str], bool]] = {
    "awsaccountid": r"^\d{12}$",  # regex, matched from the start
    "served_region": lambda value: value in REGIONS,  # or a callable returning true/false
}


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    request = validate(event, ASSUME_ROLE, formats=FORMATS)
    return {"account_id": request["account_id"], "region": request["region"]}
