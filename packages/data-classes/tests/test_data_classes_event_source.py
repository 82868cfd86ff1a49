"""``@event_source`` hands the handler a typed event."""

from __future__ import annotations

from powertools.data_classes import APIGatewayProxyEvent, EventBridgeEvent, SQSEvent, event_source


def test_handler_receives_the_data_class(load_event, lambda_context) -> None:
    @event_source(data_class=SQSEvent)
    def handler(event: SQSEvent, context: object) -> list[str]:
        return [record.json_body["orderId"] for record in event.records]

    assert handler(load_event("sqs"), lambda_context) == ["ord-1001", "ord-1002"]
    assert handler(load_event("sqs"), lambda_context) == ["ord-1001", "ord-1002"]  # a second invocation


def test_already_wrapped_event_passes_through(load_event, lambda_context) -> None:
    seen = []

    @event_source(data_class=EventBridgeEvent)
    def handler(event: EventBridgeEvent, context: object) -> str | None:
        seen.append(event)
        return event.detail_type

    wrapped = EventBridgeEvent(load_event("eventbridge"))
    assert handler(wrapped, lambda_context) == "OrderPlaced"
    assert seen[0] is wrapped


def test_http_event(load_event, lambda_context) -> None:
    @event_source(data_class=APIGatewayProxyEvent)
    def handler(event: APIGatewayProxyEvent, context: object) -> dict[str, object]:
        return {"path": event.path, "id": event.path_parameters["id"], "tag": event.get_header_value("x-custom-tag")}

    assert handler(load_event("apigw_rest"), lambda_context) == {"path": "/todos/1", "id": "1", "tag": "beta"}
