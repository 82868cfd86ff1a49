from powertools.common.typing import LambdaContext
from powertools.validation import SchemaValidationError, validate

SIGN_IN = {
    "type": "object",
    "required": ["user_id", "ip"],
    "properties": {
        "user_id": {"type": "string", "maxLength": 50},
        "ip": {"type": "string", "format": "ipv4"},
        "role": {"type": "string", "default": "reader"},
    },
}


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    try:
        user = validate(event=event, schema=SIGN_IN)
    except SchemaValidationError as error:
        return {"statusCode": 400, "body": str(error)}
    return {"statusCode": 200, "body": user["role"]}
