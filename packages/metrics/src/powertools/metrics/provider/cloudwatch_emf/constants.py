"""Limits of the CloudWatch Embedded Metric Format."""

from __future__ import annotations

# Metric definitions in one document, and values in one metric's array.
MAX_METRICS = 100
# CloudWatch allows 30 dimensions per set; one is kept free for the service dimension.
MAX_DIMENSIONS = 29
# CloudWatch's PutMetricData limits, which EMF documents are held to.
MAX_DIMENSION_NAME_LENGTH = 255
MAX_DIMENSION_VALUE_LENGTH = 1024
# CloudWatch drops data points older than 14 days or more than 2 hours ahead.
EMF_MAX_TIMESTAMP_PAST_AGE_MS = 14 * 24 * 60 * 60 * 1000
EMF_MAX_TIMESTAMP_FUTURE_AGE_MS = 2 * 60 * 60 * 1000
# CloudWatch's length limits for names.
MAX_METRIC_NAME_LENGTH = 255
MAX_NAMESPACE_LENGTH = 255
