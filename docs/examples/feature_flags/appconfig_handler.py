from powertools.common.typing import LambdaContext
from powertools.feature_flags import AppConfigStore, FeatureFlags

store = AppConfigStore(environment="prod", application="shop", name="features", max_age=60)
flags = FeatureFlags(store=store)


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    ctx = {"tier": event.get("tier", "standard"), "tenant_id": event["tenant_id"], "region": event["region"]}
    premium = flags.evaluate(name="premium_features", context=ctx, default=False)
    page_size = flags.evaluate(name="page_size", context=ctx, default=20)
    return {"premium": premium, "page_size": page_size, "enabled": flags.get_enabled_features(context=ctx)}
