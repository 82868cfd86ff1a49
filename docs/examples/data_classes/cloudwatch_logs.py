from powertools.common.typing import LambdaContext
from powertools.data_classes import CloudWatchLogsEvent


def lambda_handler(event: dict, context: LambdaContext) -> dict:
    logs = CloudWatchLogsEvent(event).parse_logs_data()  # base64 -> gunzip -> JSON, once
    reports = [log_event.message for log_event in logs.log_events if log_event.message.startswith("REPORT")]
    return {"log_group": logs.log_group, "events": len(logs.log_events), "reports": reports}
