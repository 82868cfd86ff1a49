from powertools.common.typing import LambdaContext
from powertools.event_handler import AppSyncEventsResolver, UnauthorizedException

app = AppSyncEventsResolver()


@app.on_publish("/chat/*")  # each event of a publish to any channel under /chat
def moderate(payload: dict) -> dict:
    if not payload["text"].strip():
        raise ValueError("empty message")  # this event answers an error; the others go through
    return {**payload, "text": payload["text"].strip()}


@app.on_subscribe("/private/*")
def private() -> None:
    raise UnauthorizedException("members only")  # rejects the subscription


def lambda_handler(event: dict, context: LambdaContext) -> dict | None:
    return app.resolve(event, context)
