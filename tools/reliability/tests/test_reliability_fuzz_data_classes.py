"""Fuzz: every data class, every property, on events shaped like its samples with arbitrary values.

Only ``InvalidEventError`` (documented, typed, naming the field) may leave a property; a bare
KeyError/TypeError/AttributeError/IndexError from inside the library fails the case.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import powertools.data_classes as dc
from powertools.common.exceptions import InvalidEventError
from powertools_testing.event_walker import EventWalker
from powertools_testing.events import DATA_CLASS_OF_EVENT, load_event
from tools.reliability.known_bugs import known_bug
from tools.reliability.ledger import LEDGER
from tools.reliability.strategies import SETTINGS, event_like

# Every public property and no-argument method, recursively: InvalidEventError reads as None, and
# so does a bug pinned in known_bugs.py (it has its own "known bug (xfail)" row); anything else
# propagates and fails the case. Mappings are walked through values(), the raw values.
WALKER = EventWalker(record_errors=False, tolerated=lambda exc: known_bug(exc) is not None, mapping_items=False)

SAMPLES: dict[str, list[str]] = defaultdict(list)
for _event, _class in DATA_CLASS_OF_EVENT.items():
    SAMPLES[_class].append(_event)

CLAIM = "every property: a value or InvalidEventError"

PARAMS = sorted(SAMPLES)


@pytest.mark.parametrize("class_name", PARAMS)
@SETTINGS
@given(data=st.data())
def test_every_property_of_every_data_class(class_name: str, data: st.DataObject) -> None:
    samples = [load_event(name) for name in SAMPLES[class_name]]
    event = data.draw(event_like(*samples), label="event")
    LEDGER.case("fuzz", f"data-classes {class_name}", CLAIM)
    if not isinstance(event, dict):
        return
    try:
        wrapper: Any = getattr(dc, class_name)(event)
    except InvalidEventError:
        return
    WALKER.count(wrapper)
