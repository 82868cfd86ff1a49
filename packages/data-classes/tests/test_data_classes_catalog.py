"""Every public property of every class, read against the shared sample events.

The golden files in ``golden/`` hold what each sample event reads as, property by
property (bytes as base64, Decimals and sets tagged). They were reviewed against the
raw events; regenerate with ``UPDATE_GOLDEN=1`` only after checking the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import powertools.data_classes as dc
from powertools.common.dict_wrapper import DictWrapper

GOLDEN = Path(__file__).parent / "golden"


def test_every_sample_event_reads_as_its_golden_file(sample, load_event, snapshot) -> None:
    name, class_name = sample
    data = snapshot(getattr(dc, class_name)(load_event(name)))
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    assert data == json.loads(path.read_text(encoding="utf-8"))


def test_http_events_read_without_error(http_sample, load_event, snapshot) -> None:
    # The HTTP shapes belong to powertools.common (shared with the event handler), which
    # tests their values; here every property must read without an unexpected error.
    name, class_name = http_sample
    assert snapshot(getattr(dc, class_name)(load_event(name)))


# Bases no event is delivered as on its own, and RequestContextClientCert (mTLS), an HTTP
# shape that powertools.common tests.
NOT_AN_EVENT = {
    "AppSyncEventBase",
    "BaseProxyEvent",
    "BaseTriggerEvent",
    "ClaimsOverrideBase",
    "DictWrapper",
    "GroupConfigurationBase",
    "IoTCoreRegistryEventsBase",
    "KafkaEventBase",
    "KafkaEventRecordBase",
    "RequestContextClientCert",
    "VPCLatticeEventBase",
}


def test_every_wrapper_class_is_read_by_some_sample_event(load_event, walker, catalog) -> None:
    visited: set[type] = set()
    for name, class_name in catalog.items():
        walker(getattr(dc, class_name)(load_event(name)), visited)
    exported = {
        value
        for name in dc.__all__
        if isinstance(value := getattr(dc, name), type) and issubclass(value, DictWrapper) and name not in NOT_AN_EVENT
    }
    assert sorted(c.__name__ for c in exported - visited) == []


@pytest.mark.parametrize("module", sorted(n for n, m in dc._EXPORTS.items() if m == f".{n}"))
def test_submodules_import(module: str) -> None:
    assert getattr(dc, module).__name__ == f"powertools.data_classes.{module}"
