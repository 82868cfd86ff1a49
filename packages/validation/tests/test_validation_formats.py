"""Custom formats (regex or callable), built-in formats, and unknown ones."""

from __future__ import annotations

import pytest

from powertools.validation import InvalidSchemaFormatError, SchemaValidationError, validate

ACCOUNT = {
    "type": "object",
    "required": ["accountid"],
    "properties": {"accountid": {"type": "string", "format": "awsaccountid"}},
}


@pytest.mark.parametrize("check", [r"^\d{12}$", lambda value: len(value) == 12 and value.isdigit()])
def test_custom_format_as_regex_or_callable(check: object) -> None:
    assert validate({"accountid": "200984112386"}, ACCOUNT, formats={"awsaccountid": check}) == {
        "accountid": "200984112386"
    }
    with pytest.raises(SchemaValidationError) as caught:
        validate({"accountid": "2009841"}, ACCOUNT, formats={"awsaccountid": check})
    error = caught.value
    assert (error.validation_message, error.rule, error.rule_definition, error.value) == (
        "data.accountid must be awsaccountid",
        "format",
        "awsaccountid",
        "2009841",
    )


def test_callable_returning_a_match_object_counts_as_true() -> None:
    import re

    formats = {"awsaccountid": lambda value: re.match(r"^(\d{12})$", value)}
    assert validate({"accountid": "123456789012"}, ACCOUNT, formats=formats)["accountid"] == "123456789012"


def test_custom_format_overrides_a_builtin_one() -> None:
    schema = {"type": "string", "format": "email"}
    formats = {"email": r"^[a-z]+@example\.com$"}
    assert validate("ana@example.com", schema, formats=formats) == "ana@example.com"
    with pytest.raises(SchemaValidationError):
        validate("ana@other.org", schema, formats=formats)


def test_unknown_format_is_an_error_naming_it_and_where() -> None:
    with pytest.raises(InvalidSchemaFormatError) as caught:
        validate({"accountid": "200984112386"}, ACCOUNT)
    assert str(caught.value) == (
        "unknown format 'awsaccountid' at #/properties/accountid: "
        "pass formats={'awsaccountid': <regex or callable>} or use a built-in format"
    )


def test_format_known_only_to_a_later_draft_is_unknown_in_draft_04() -> None:
    schema = {"$schema": "http://json-schema.org/draft-04/schema#", "type": "string", "format": "date"}
    with pytest.raises(InvalidSchemaFormatError, match="unknown format 'date' at #"):
        validate("2024-01-01", schema)
    draft7 = {"$schema": "http://json-schema.org/draft-07/schema#", "type": "string", "format": "date"}
    assert validate("2024-01-01", draft7) == "2024-01-01"


def test_format_word_in_data_keywords_is_not_a_format() -> None:
    schema = {
        "type": "object",
        "properties": {"format": {"type": "string"}},
        "examples": [{"format": "not-a-format"}],
        "default": {"format": "x"},
        "enum": [{"format": "y"}],
    }
    assert validate({"format": "y"}, schema) == {"format": "y"}


def test_formats_off_skips_unknown_and_builtin_formats() -> None:
    options = {"use_formats": False}
    assert validate({"accountid": "x"}, ACCOUNT, provider_options=options) == {"accountid": "x"}
    assert validate("nope", {"format": "ipv4"}, provider_options=options) == "nope"


@pytest.mark.parametrize(
    ("formats", "message"),
    [
        ({"awsaccountid": "(\\d"}, "format 'awsaccountid' is not a valid regular expression: missing ), "),
        ({"awsaccountid": 12}, "format 'awsaccountid' must be a regex string or a callable returning bool, got int"),
        (["awsaccountid"], "formats must be a dict of format name to regex string or callable, got list"),
        ({1: "x"}, "format names must be strings, got 1"),
    ],
)
def test_malformed_formats(formats: object, message: str) -> None:
    with pytest.raises(InvalidSchemaFormatError) as caught:
        validate({"accountid": "1"}, ACCOUNT, formats=formats)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)


def test_format_callable_raising_its_own_error_propagates() -> None:
    class Rejected(Exception):
        pass

    def strict(value: str) -> bool:
        raise Rejected(value)

    with pytest.raises(Rejected):
        validate({"accountid": "1"}, ACCOUNT, formats={"awsaccountid": strict})
