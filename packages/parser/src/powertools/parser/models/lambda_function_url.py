"""Lambda Function URL event: the API Gateway HTTP API payload 2.0 shape."""

from powertools.parser.models.apigwv2 import APIGatewayProxyEventV2Model


class LambdaFunctionUrlModel(APIGatewayProxyEventV2Model):
    """Function URL request; ``routeKey`` is ``$default`` and there are no path parameters."""
