"""Amazon CloudWatch Logs subscription event (gzip-compressed, base64-encoded)."""

from __future__ import annotations

from typing import Any

from powertools.common.compression import MAX_INFLATED_BYTES, inflate
from powertools.common.dict_wrapper import DictWrapper, decode_base64, parse_json
from powertools.data_classes._fields import Field, FieldOr, ListOf, mapping

__all__ = ["CloudWatchLogsDecodedData", "CloudWatchLogsEvent", "CloudWatchLogsLogEvent", "decompress_gzip"]

# A subscription delivers at most ~1 MB compressed; refuse anything that inflates past
# this, so a hostile payload cannot exhaust the function's memory.
MAX_DECOMPRESSED_BYTES = MAX_INFLATED_BYTES


def decompress_gzip(data: bytes, *, field: str, limit: int = MAX_DECOMPRESSED_BYTES) -> bytes:
    """Inflate gzip (or zlib) data, refusing output larger than ``limit`` bytes.

    Kept for callers of earlier versions; it is ``powertools.common.compression.inflate``.
    """
    return inflate(data, field=field, limit=limit)


class CloudWatchLogsLogEvent(DictWrapper):
    get_id = Field[str]("id", "The log event's unique id.")
    timestamp = Field[int]("timestamp", "Epoch milliseconds.")
    message = Field[str]("message")
    extracted_fields = FieldOr[dict[str, str]](
        "extractedFields", dict, "Fields a space-delimited filter pattern extracted (empty when none)."
    )


class CloudWatchLogsDecodedData(DictWrapper):
    owner = Field[str]("owner", "The account that owns the log group.")
    log_group = Field[str]("logGroup")
    log_stream = Field[str]("logStream")
    subscription_filters = Field[list[str]]("subscriptionFilters")
    message_type = Field[str]("messageType", "DATA_MESSAGE, or CONTROL_MESSAGE for reachability checks.")
    policy_level = Field[str]("policyLevel")
    log_events = ListOf(CloudWatchLogsLogEvent, "logEvents")


class CloudWatchLogsEvent(DictWrapper):
    """Log events delivered by a subscription filter."""

    @property
    def raw_logs_data(self) -> str | None:
        """``awslogs.data``: base64 of gzip of JSON."""
        return self._section("awslogs").get("data")

    @property
    def decompress_logs_data(self) -> bytes:
        """The decoded, decompressed JSON bytes (cached)."""

        def inflate() -> bytes:
            compressed = decode_base64(self.raw_logs_data or "", field="awslogs.data")
            return decompress_gzip(compressed, field="awslogs.data")

        return self._cached("decompress_logs_data", inflate)

    def parse_logs_data(self) -> CloudWatchLogsDecodedData:
        """The log events, decoded (cached)."""

        def parse() -> Any:
            parsed = parse_json(self.decompress_logs_data, field="awslogs.data", deserializer=self._json_deserializer)
            return CloudWatchLogsDecodedData(mapping(parsed, "awslogs.data"), self._json_deserializer)

        return self._cached("parse_logs_data", parse)
