from powertools.common.typing import LambdaContext
from powertools.tracer import Tracer

tracer = Tracer(service="auth")


@tracer.capture_lambda_handler(capture_response=False, capture_error=False)
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    if event.get("password") != "correct horse":
        raise PermissionError(f"bad password for {event['user']}")  # the message stays out of metadata
    return {"token": "secret-session-token"}  # never recorded in the trace
