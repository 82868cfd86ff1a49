from powertools.common.typing import LambdaContext
from powertools.feature_flags import AppConfigStore, FeatureFlags

flags = FeatureFlags(store=AppConfigStore(environment="prod", application="shop", name="features"))


@flags.validation_exception_handler(TypeError)
def on_type_error(exc: TypeError) -> bool:
    raise ValueError("bad feature flag context") from exc  # or return True / False


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    ctx = {"tenant_id": event["tenant_id"]}  # MODULO_RANGE needs a number
    try:
        return {"statusCode": 200, "page_size": flags.evaluate(name="page_size", context=ctx, default=20)}
    except ValueError as error:
        return {"statusCode": 400, "error": str(error)}
