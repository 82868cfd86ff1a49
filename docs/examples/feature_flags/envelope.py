from powertools.common.typing import LambdaContext
from powertools.feature_flags import AppConfigStore, FeatureFlags

# The profile "config" holds {"features": {...flags...}, "limits": {...}, ...}
store = AppConfigStore(environment="prod", application="shop", name="config", envelope="features")
flags = FeatureFlags(store=store)


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return {"banner": flags.evaluate(name="maintenance_banner", default=False)}
