"""Fuzz: batch processors, feature-flag evaluation and idempotency key extraction.

Events shaped like the samples with arbitrary values, and arbitrary JSON. Only the documented,
typed errors may leave (all ``PowertoolsError`` subclasses); a bare KeyError/TypeError/
AttributeError/IndexError from inside the library fails the case. Beyond not crashing:

- batch: every record is either a success or named in ``batchItemFailures`` (nothing dropped);
- feature flags: ``evaluate`` answers a value or the default, or the configuration is refused with
  ``SchemaValidationError``; ``get_enabled_features`` agrees with ``evaluate``;
- idempotency: a payload runs its body at most once; a key that can't be extracted is
  ``IdempotencyKeyError`` (with ``raise_on_no_idempotency_key``) or the body runs without one.
"""

from __future__ import annotations

import contextlib
import copy
import itertools
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from powertools.batch import BatchProcessor, EventType, SqsFifoPartialProcessor, process_partial_response
from powertools.batch.exceptions import BatchProcessingError, UnexpectedBatchTypeError
from powertools.common.exceptions import InvalidEventError
from powertools.feature_flags import FeatureFlags
from powertools.feature_flags.exceptions import ConfigurationStoreError, SchemaValidationError
from powertools.idempotency import IdempotencyConfig, RedisCachePersistenceLayer, idempotent
from powertools.idempotency.exceptions import (
    IdempotencyKeyError,
    IdempotencyKeyExpressionError,
    IdempotencyPersistenceLayerError,
    IdempotencyValidationError,
)
from powertools_testing.events import load_event
from tools.reliability.ledger import LEDGER
from tools.reliability.strategies import SETTINGS, event_like, free_json
from tools.reliability.targets import MemoryStore

# --- batch -------------------------------------------------------------------------------------

BATCH_CLAIM = (
    "a response, or UnexpectedBatchTypeError/BatchProcessingError/InvalidEventError (a record not an object); "
    "every record success or failure"
)
PROCESSORS: dict[str, tuple[Any, list[str]]] = {
    "BatchProcessor(SQS)": (lambda: BatchProcessor(EventType.SQS), ["sqs", "sqs_batch_mixed"]),
    "BatchProcessor(KinesisDataStreams)": (lambda: BatchProcessor(EventType.KinesisDataStreams), ["kinesis_batch"]),
    "BatchProcessor(DynamoDBStreams)": (lambda: BatchProcessor(EventType.DynamoDBStreams), ["dynamodb_stream_batch"]),
    "SqsFifoPartialProcessor": (lambda: SqsFifoPartialProcessor(), ["sqs_fifo"]),
    "SqsFifoPartialProcessor(skip_group_on_error)": (
        lambda: SqsFifoPartialProcessor(skip_group_on_error=True),
        ["sqs_fifo"],
    ),
}


def touch(record: Any) -> Any:
    """What a record handler typically reads; odd payloads fail the record (a reported failure)."""
    if hasattr(record, "body"):
        text = record.body
    elif hasattr(record, "kinesis"):
        text = record.kinesis.data_as_text()
    else:
        text = str(record.dynamodb.new_image if record.dynamodb else None)
    if text and len(str(text)) % 3 == 0:
        raise ValueError("the handler rejected this record")
    return text


@pytest.mark.parametrize("name", sorted(PROCESSORS))
@SETTINGS
@given(data=st.data())
def test_batch_processors(name: str, data: st.DataObject) -> None:
    make, samples = PROCESSORS[name]
    event = data.draw(event_like(*(load_event(sample) for sample in samples)), label="event")
    LEDGER.case("fuzz", f"batch {name}", BATCH_CLAIM)
    processor = make()
    try:
        response = process_partial_response(event, touch, processor)
    except (UnexpectedBatchTypeError, InvalidEventError):
        return
    except BatchProcessingError:
        assert processor.success_messages == []
        assert len(processor.fail_messages) == len(event["Records"])
        return
    records = event["Records"]
    assert len(processor.success_messages) + len(processor.fail_messages) == len(records)
    assert len(response["batchItemFailures"]) == len(processor.fail_messages)
    for item in response["batchItemFailures"]:
        assert set(item) == {"itemIdentifier"}


def test_fifo_skip_group_with_a_list_group_id() -> None:
    LEDGER.case("fuzz", "batch SqsFifoPartialProcessor(skip_group_on_error): list MessageGroupId", "a typed error")
    event = {"Records": [{"messageId": "1", "body": "x", "attributes": {"MessageGroupId": []}}]}
    processor = SqsFifoPartialProcessor(skip_group_on_error=True)
    with contextlib.suppress(InvalidEventError, BatchProcessingError):  # a typed refusal would be fine
        process_partial_response(event, lambda record: None, processor)


# --- feature flags -----------------------------------------------------------------------------

FLAGS_CLAIM = "a value, the default, or SchemaValidationError/ConfigurationStoreError; both APIs agree"
SAMPLE_FLAGS = {
    "premium": {
        "default": False,
        "rules": {
            "gold customers": {
                "when_match": True,
                "conditions": [
                    {"action": "EQUALS", "key": "tier", "value": "gold"},
                    {"action": "KEY_GREATER_THAN_VALUE", "key": "age", "value": 18},
                    {"action": "KEY_IN_VALUE", "key": "country", "value": ["DE", "FR"]},
                    {"action": "VALUE_IN_KEY", "key": "groups", "value": "beta"},
                    {"action": "STARTSWITH", "key": "email", "value": "a"},
                    {"action": "MODULO_RANGE", "key": "user_id", "value": {"BASE": 10, "START": 0, "END": 4}},
                    {
                        "action": "SCHEDULE_BETWEEN_TIME_RANGE",
                        "key": "CURRENT_TIME",
                        "value": {"START": "09:00", "END": "17:00"},
                    },
                ],
            }
        },
    },
    "banner": {"default": {"color": "red"}, "boolean_type": False, "rules": {}},
}  # fmt: skip
ACTIONS = [
    "EQUALS", "NOT_EQUALS", "KEY_GREATER_THAN_VALUE", "KEY_GREATER_THAN_OR_EQUAL_VALUE", "KEY_LESS_THAN_VALUE",
    "KEY_LESS_THAN_OR_EQUAL_VALUE", "STARTSWITH", "ENDSWITH", "IN", "NOT_IN", "KEY_IN_VALUE", "KEY_NOT_IN_VALUE",
    "VALUE_IN_KEY", "VALUE_NOT_IN_KEY", "ALL_IN_VALUE", "ANY_IN_VALUE", "NONE_IN_VALUE", "MODULO_RANGE",
    "SCHEDULE_BETWEEN_TIME_RANGE", "SCHEDULE_BETWEEN_DATETIME_RANGE", "SCHEDULE_BETWEEN_DAYS_OF_WEEK",
]  # fmt: skip


def flag_documents() -> st.SearchStrategy[Any]:
    """The sample, documents that mostly pass the schema (rules get evaluated), and hostile ones."""
    plain = st.one_of(st.text(max_size=5), st.integers(-5, 30), st.lists(st.text(max_size=3), max_size=3))

    def documents(
        values: st.SearchStrategy[Any], when_match: st.SearchStrategy[Any], actions: list[str], least: int
    ) -> st.SearchStrategy[Any]:
        key = st.sampled_from(["tier", "age", "CURRENT_TIME", "x"])
        condition = (
            st.fixed_dictionaries({"action": st.sampled_from(actions), "key": key, "value": values})
            if least
            else st.fixed_dictionaries({"action": st.sampled_from(actions), "key": key}, optional={"value": values})
        )
        rule = st.fixed_dictionaries(
            {"when_match": when_match, "conditions": st.lists(condition, min_size=least, max_size=3)}
        )
        feature = st.fixed_dictionaries(
            {"default": when_match}, optional={"rules": st.dictionaries(st.text(max_size=5), rule, max_size=2)}
        )
        return st.dictionaries(st.sampled_from(["premium", "banner", "other"]), feature, max_size=3)

    return st.one_of(
        st.just(SAMPLE_FLAGS),
        documents(plain, st.booleans(), ACTIONS[:17], 1),  # the comparison actions
        documents(free_json(), free_json(), ACTIONS, 0),
        event_like(SAMPLE_FLAGS),
    )


CONTEXT_KEYS = st.sampled_from(["tier", "age", "country", "groups", "email", "user_id", "x"])
CONTEXTS = st.one_of(
    st.just({"tier": "gold", "age": 30, "country": "DE", "groups": ["beta"], "email": "a@b", "user_id": 3}),
    st.dictionaries(CONTEXT_KEYS, st.one_of(st.text(max_size=5), st.integers(-5, 30))),
    st.dictionaries(CONTEXT_KEYS, free_json()),
)


@SETTINGS
@given(document=flag_documents(), context=CONTEXTS, name=st.sampled_from(["premium", "banner", "other"]))
def test_feature_flag_evaluation(document: Any, context: dict[str, Any], name: str) -> None:
    LEDGER.case("fuzz", "feature-flags evaluate / get_enabled_features", FLAGS_CLAIM)
    flags = FeatureFlags(store=MemoryStore(copy.deepcopy(document)))
    default = object()
    try:
        value = flags.evaluate(name=name, context=context, default=default)  # type: ignore[arg-type]
        enabled = flags.get_enabled_features(context=context)
    except (SchemaValidationError, ConfigurationStoreError):
        return
    assert isinstance(enabled, list)
    if value is default:  # no such feature
        assert name not in enabled
    else:  # as upstream: a feature is enabled when its evaluated value is truthy
        assert (name in enabled) == bool(value)


# --- idempotency key extraction ----------------------------------------------------------------

KEY_CLAIM = (
    "body runs at most once per key; IdempotencyKeyError (incl. IdempotencyKeyExpressionError)/"
    "IdempotencyValidationError only"
)
EXPRESSIONS = [
    "body",
    "powertools_json(body).order",
    "[headers.\"X-Order\", requestContext.requestId]",
    "Records[*].messageId",
    "queryStringParameters.id",
    "detail",
]  # fmt: skip
COUNTER = itertools.count()


@SETTINGS
@given(
    event=event_like(load_event("apigw_rest_post_json"), load_event("sqs")),
    expression=st.sampled_from(EXPRESSIONS),
    validation=st.sampled_from(["", "requestContext.requestId", "powertools_json(body)"]),
    strict=st.booleans(),
)
def test_idempotency_key_extraction(
    redis_client: Any, event: Any, expression: str, validation: str, strict: bool
) -> None:
    LEDGER.case("fuzz", "idempotency key extraction (event_key_jmespath, payload validation)", KEY_CLAIM)
    config = IdempotencyConfig(
        event_key_jmespath=expression, payload_validation_jmespath=validation, raise_on_no_idempotency_key=strict
    )
    store = RedisCachePersistenceLayer(client=redis_client)
    runs: list[int] = []

    @idempotent(persistence_store=store, config=config, key_prefix=f"fuzz-{next(COUNTER)}")
    def handler(event: Any, context: Any) -> str:
        runs.append(1)
        return "done"

    for _ in range(2):
        # IdempotencyKeyExpressionError (an expression failing on the event) is an IdempotencyKeyError.
        with contextlib.suppress(IdempotencyKeyError, IdempotencyValidationError, InvalidEventError):
            assert handler(event, None) == "done"
    assert len(runs) <= 2
    if len(runs) == 2:  # only when no key could be made: then idempotency is off for the event
        assert not strict


def test_key_expression_failure_is_not_a_store_failure(redis_client: Any) -> None:
    LEDGER.case(
        "fuzz",
        "idempotency: key expression fails on the event",
        "IdempotencyKeyExpressionError naming the expression, not the store",
    )
    config = IdempotencyConfig(event_key_jmespath="powertools_json(body).order")

    @idempotent(persistence_store=RedisCachePersistenceLayer(client=redis_client), config=config)
    def handler(event: Any, context: Any) -> str:
        return "done"

    # The store is up and was never the problem: the event has no JSON body to extract the key from.
    with pytest.raises(IdempotencyKeyExpressionError) as raised:
        handler({"body": None}, None)
    assert isinstance(raised.value, IdempotencyPersistenceLayerError)  # what upstream raises here
    assert "powertools_json(body).order" in str(raised.value)
    assert "store" not in str(raised.value)


@pytest.fixture(scope="module")
def redis_client(redis_server: Any) -> Any:
    return redis_server.client()
