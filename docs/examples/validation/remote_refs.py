from powertools.common.typing import LambdaContext
from powertools.validation import validate

# Schemas shipped with the function, keyed by the URI other schemas $ref them by.
SCHEMAS = {
    "https://schemas.example.com/address.json": {
        "type": "object",
        "required": ["street", "country"],
        "properties": {"street": {"type": "string"}, "country": {"type": "string", "minLength": 2}},
    },
}
CUSTOMER = {
    "type": "object",
    "required": ["name", "address"],
    "properties": {
        "name": {"type": "string"},
        "address": {"$ref": "https://schemas.example.com/address.json"},
    },
}


def from_bundle(uri: str) -> dict:
    return SCHEMAS[uri]


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    customer = validate(event, CUSTOMER, handlers={"https": from_bundle})
    return {"name": customer["name"], "country": customer["address"]["country"]}
