"""BaseProvider: a custom store written the upstream way, its cache and its transforms."""

from __future__ import annotations

from typing import Any

import pytest

from powertools.common import ConfigurationError
from powertools.parameters import BaseProvider, GetParameterError, TransformParameterError
from powertools.parameters.base import transform_value


class FileStore(BaseProvider):
    """A provider as a user writes it for upstream: only _get and _get_multiple."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values
        self.reads: list[tuple[str, dict[str, Any]]] = []
        super().__init__()

    def _get(self, name: str, **sdk_options: Any) -> Any:
        self.reads.append((name, sdk_options))
        return self.values[name]

    def _get_multiple(self, path: str, **sdk_options: Any) -> dict[str, Any]:
        self.reads.append((path, sdk_options))
        prefix = path.rstrip("/") + "/"
        return {key[len(prefix) :]: value for key, value in self.values.items() if key.startswith(prefix)}


def test_custom_provider_caches_and_transforms(clock):
    store = FileStore({"/cfg.json": '{"a": 1}', "/raw": "aGk=", "/dir/x.json": "[1]", "/dir/y": "plain"})
    assert store.get("/cfg.json", transform="json") == {"a": 1}
    assert store.get("/cfg.json", transform="json") == {"a": 1}
    assert store.get("/cfg.json") == '{"a": 1}'  # another transform, another cache entry
    assert store.get("/raw", transform="binary") == b"hi"
    assert store.get_multiple("/dir", transform="auto") == {"x.json": [1], "y": "plain"}
    assert store.get_multiple("/dir", transform="auto") == {"x.json": [1], "y": "plain"}
    assert [name for name, _ in store.reads] == ["/cfg.json", "/cfg.json", "/raw", "/dir"]

    clock.advance(301)
    store.get("/cfg.json", transform="json")
    assert len(store.reads) == 5


def test_sdk_options_reach_the_store_and_key_the_cache():
    store = FileStore({"a": "1"})
    store.get("a", Version=1)
    store.get("a", Version=1)
    store.get("a", Version=2)
    store.get("a", Filters=[{"Key": "k"}])  # unhashable options still make a key
    store.get("a", Filters=[{"Key": "k"}])
    assert store.reads == [("a", {"Version": 1}), ("a", {"Version": 2}), ("a", {"Filters": [{"Key": "k"}]})]


def test_store_errors_become_get_parameter_error_naming_the_parameter():
    store = FileStore({})
    with pytest.raises(GetParameterError) as info:
        store.get("/missing")
    assert str(info.value) == "Failed to get parameter '/missing': '/missing'"
    assert isinstance(info.value.__cause__, KeyError)
    assert info.value.name == "/missing"


def test_none_is_not_cached():
    store = FileStore({"maybe": None})
    assert store.get("maybe") is None
    assert store.get("maybe") is None
    assert len(store.reads) == 2


def test_overridden_cache_key_is_used():
    class PerNameOnly(FileStore):
        def _build_cache_key(self, name: str, transform: Any = None, is_nested: bool = False) -> tuple[Any, ...]:
            return (name,)

    store = PerNameOnly({"a": '{"x": 1}'})
    store.get("a", transform="json")
    assert store.get("a") == {"x": 1}  # the user's key ignores the transform
    assert list(store.store) == [("a",)]


def test_bad_max_age_is_a_configuration_error():
    store = FileStore({"a": "1"})
    with pytest.raises(ConfigurationError, match="max_age='60' is not valid: expected a number of seconds"):
        store.get("a", max_age="60")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("transform", "value", "message"),
    [
        ("json", "{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        ("binary", "abc", "Incorrect padding"),
        ("json", b"\xff\xfe", "'utf-8' codec can't decode the value at position 0: invalid start byte"),
    ],
)
def test_transform_errors_name_the_parameter(transform, value, message):
    store = FileStore({"/p": value})
    with pytest.raises(TransformParameterError) as info:
        store.get("/p", transform=transform)
    assert str(info.value) == f"Unable to transform value of '/p' using '{transform}' transform: {message}"
    assert info.value.name == "/p"


def test_unknown_transform_is_rejected_before_reading():
    store = FileStore({"a": "1"})
    with pytest.raises(TransformParameterError, match="Invalid transform type 'yaml'"):
        store.get("a", transform="yaml")  # type: ignore[arg-type]
    assert store.reads == []


def test_transform_value_helper_like_upstream():
    assert transform_value('{"a": 1}', "json") == {"a": 1}
    assert transform_value(b"aGk=", "binary") == b"hi"
    assert transform_value("text", "auto", key="plain") == "text"
    assert transform_value(b"bytes", "auto", key="plain") == "bytes"
    assert transform_value({"a.json": "[]", "b.binary": "aGk=", "c": "x"}, "auto") == {
        "a.json": [],
        "b.binary": b"hi",
        "c": "x",
    }
    assert transform_value({"a": "{"}, "json", raise_on_transform_error=False) == {"a": None}


def test_get_multiple_wraps_store_errors_naming_the_path():
    class Broken(FileStore):
        def _get_multiple(self, path: str, **sdk_options: Any) -> dict[str, Any]:
            raise RuntimeError("store offline")

    with pytest.raises(GetParameterError, match="Failed to get parameters under path '/dir': store offline"):
        Broken({}).get_multiple("/dir")


def test_cached_entries_never_show_their_value():
    store = FileStore({"token": "very-secret-token"})
    store.get("token")
    assert "very-secret-token" not in repr(store.store)
