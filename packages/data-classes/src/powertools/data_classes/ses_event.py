"""Amazon SES email receiving event (Lambda receipt rule action)."""

from __future__ import annotations

from powertools.common.dict_wrapper import DictWrapper
from powertools.data_classes._fields import Field, FieldOr, Flag, ListOf, Records, Section

__all__ = [
    "SESEvent",
    "SESEventRecord",
    "SESMail",
    "SESMailCommonHeaders",
    "SESMailHeader",
    "SESMessage",
    "SESReceipt",
    "SESReceiptAction",
    "SESReceiptStatus",
]


class SESMailHeader(DictWrapper):
    name = Field[str]("name")
    value = Field[str]("value")


class SESMailCommonHeaders(DictWrapper):
    return_path = Field[str]("returnPath")
    get_from = Field[list[str]]("from", "The From addresses (``from`` is a Python keyword).")
    date = Field[str]("date")
    to = Field[list[str]]("to")
    message_id = Field[str]("messageId")
    subject = Field[str]("subject")
    cc = FieldOr[list[str]]("cc", list)
    bcc = FieldOr[list[str]]("bcc", list)
    sender = FieldOr[list[str]]("sender", list)

    @property
    def reply_to(self) -> list[str]:
        """The Reply-To addresses; SES spells the key ``replyTo`` (upstream's) or ``reply-to``."""
        return self._data.get("replyTo") or self._data.get("reply-to") or []


class SESMail(DictWrapper):
    timestamp = Field[str]("timestamp")
    source = Field[str]("source", "The envelope MAIL FROM address.")
    message_id = Field[str]("messageId", "SES's id for the message (its S3 object key when stored).")
    destination = Field[list[str]]("destination")
    headers_truncated = Flag("headersTruncated")
    headers = ListOf(SESMailHeader, "headers")
    common_headers = Section(SESMailCommonHeaders, "commonHeaders")


class SESReceiptStatus(DictWrapper):
    status = Field[str]("status", "PASS, FAIL, GRAY or PROCESSING_FAILED.")


class SESReceiptAction(DictWrapper):
    get_type = Field[str]("type", "Always ``Lambda`` here.")
    topic_arn = Field[str]("topicArn")
    function_arn = Field[str]("functionArn")
    invocation_type = Field[str]("invocationType", "Event or RequestResponse.")


class SESReceipt(DictWrapper):
    timestamp = Field[str]("timestamp")
    processing_time_millis = Field[int]("processingTimeMillis")
    recipients = Field[list[str]]("recipients")
    spam_verdict = Section(SESReceiptStatus, "spamVerdict")
    virus_verdict = Section(SESReceiptStatus, "virusVerdict")
    spf_verdict = Section(SESReceiptStatus, "spfVerdict")
    dkim_verdict = Section(SESReceiptStatus, "dkimVerdict")
    dmarc_verdict = Section(SESReceiptStatus, "dmarcVerdict")
    dmarc_policy = Field[str]("dmarcPolicy", "Only when the DMARC verdict is FAIL.")
    action = Section(SESReceiptAction, "action")


class SESMessage(DictWrapper):
    mail = Section(SESMail, "mail")
    receipt = Section(SESReceipt, "receipt")


class SESEventRecord(DictWrapper):
    event_source = Field[str]("eventSource")
    event_version = Field[str]("eventVersion")
    ses = Section(SESMessage, "ses")


class SESEvent(DictWrapper):
    """An email SES received; one record per invocation."""

    records = Records(SESEventRecord)

    @property
    def record(self) -> SESEventRecord:
        return next(self.records, SESEventRecord({}))

    @property
    def mail(self) -> SESMail:
        return self.record.ses.mail

    @property
    def receipt(self) -> SESReceipt:
        return self.record.ses.receipt
