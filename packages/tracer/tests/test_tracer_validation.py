"""The rules for subsegment names and annotation keys, character by character."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from powertools.tracer import InvalidAnnotationError
from powertools.tracer.validation import MAX_NAME_LENGTH, check_annotation, subsegment_name

FORBIDDEN_IN_NAMES = "?;*()!$~^<>"  # X-Ray rejects these in segment names


@pytest.mark.parametrize("character", list(FORBIDDEN_IN_NAMES))
def test_each_forbidden_character_is_stripped_from_names(character: str) -> None:
    assert subsegment_name(f"{character}app{character}.get{character}") == "app.get"


def test_names_keep_every_other_character() -> None:
    kept = "".join(c for c in string.printable if c not in FORBIDDEN_IN_NAMES) + "é漢字-[]{}@#%&"
    assert subsegment_name(kept) == kept


def test_names_lose_locals_brackets_and_are_cut_at_200_characters() -> None:
    assert subsegment_name("app.handler.<locals>.load") == "app.handler.locals.load"
    assert subsegment_name("a" * 250) == "a" * MAX_NAME_LENGTH
    # Stripping comes first: the limit counts what remains.
    assert subsegment_name("<>" * 10 + "b" * 210) == "b" * MAX_NAME_LENGTH


@given(st.text())
def test_names_match_the_regex_rule(name: str) -> None:
    assert subsegment_name(name) == re.sub(r"[?;*()!$~^<>]", "", name)[:MAX_NAME_LENGTH]


@pytest.mark.parametrize("key", ["a", "Z", "_", "0", "order_id_2", string.ascii_letters + string.digits + "_"])
def test_ascii_letters_digits_and_underscores_make_a_key(key: str) -> None:
    check_annotation(key, "value")


@pytest.mark.parametrize(
    "key",
    [
        *("order-id", "order id", "a.b", "key\n", "\t"),
        *("é", "ß", "٣", "\uff21", "\u0131"),  # letters and digits, but not ASCII (fullwidth A, dotless i)
        *string.punctuation.replace("_", ""),
    ],
)
def test_anything_else_in_a_key_raises(key: str) -> None:
    with pytest.raises(InvalidAnnotationError, match="only ASCII letters, digits and underscores"):
        check_annotation(key, "value")


@given(st.text(min_size=1))
def test_keys_match_the_ascii_word_rule(key: str) -> None:
    valid = re.fullmatch(r"[A-Za-z0-9_]+", key) is not None
    try:
        check_annotation(key, 1)
    except InvalidAnnotationError:
        assert not valid
    else:
        assert valid
