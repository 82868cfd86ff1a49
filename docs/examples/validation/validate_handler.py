from powertools.common.typing import LambdaContext
from powertools.validation import validator

INPUT = {
    "type": "object",
    "required": ["user_id", "ip"],
    "properties": {
        "user_id": {"type": "string", "maxLength": 50},
        "ip": {"type": "string", "format": "ipv4"},
        "role": {"type": "string", "default": "reader"},
    },
}
OUTPUT = {
    "type": "object",
    "required": ["statusCode", "body"],
    "properties": {"statusCode": {"type": "integer"}, "body": {"type": "object"}},
}


@validator(inbound_schema=INPUT, outbound_schema=OUTPUT)
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    # event is validated, and "role" is filled in when the caller left it out
    return {"statusCode": 200, "body": {"user_id": event["user_id"], "role": event["role"]}}
