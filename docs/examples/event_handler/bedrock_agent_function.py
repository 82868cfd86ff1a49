from powertools.common.typing import LambdaContext
from powertools.event_handler import BedrockAgentFunctionResolver, BedrockFunctionResponse

app = BedrockAgentFunctionResolver()


@app.tool(name="get_forecast", description="Weather forecast for a city")
def get_forecast(city: str, days: int, metric: bool = False) -> BedrockFunctionResponse:
    unit = "C" if metric else "F"  # "true" arrives as True: the parameter's declared type is boolean
    forecast = [{"day": n + 1, "high": f"18{unit}"} for n in range(days)]
    return BedrockFunctionResponse(body={"city": city, "forecast": forecast}, session_attributes={"city": city})


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return app.resolve(event, context)
