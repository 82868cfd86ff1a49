from powertools.common.typing import LambdaContext
from powertools.data_classes import CloudWatchLogsEvent


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    logs = CloudWatchLogsEvent(event).parse_logs_data()  # base64 -> gunzip -> JSON, once
    messages = [log_event.message or "" for log_event in logs.log_events]
    reports = [message for message in messages if message.startswith("REPORT")]
    return {"log_group": logs.log_group, "events": len(logs.log_events), "reports": reports}
