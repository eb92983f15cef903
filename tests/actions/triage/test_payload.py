"""The handoff payload: exactly the shape of docs/handoff-protocol.md."""
from __future__ import annotations

import json

import pytest

from actions.triage.payload import handoff_payload


def test_payload_has_the_documented_shape_and_serialises() -> None:
    payload = handoff_payload(level="urgent", markers=["eviction_imminent"], reason="triage", language="sv",
                              intake=None, callback={"phone": "+358401234567", "preferred_time": "aamulla",
                                                     "reason": "outside_hours"})
    assert payload == {"neuvo": {
        "event": "handoff", "level": "urgent", "markers": ["eviction_imminent"], "reason": "triage",
        "language": "sv", "intake": None,
        "callback": {"phone": "+358401234567", "preferred_time": "aamulla", "reason": "outside_hours"},
    }}
    assert json.loads(json.dumps(payload)) == payload


@pytest.mark.parametrize("field, value", [("level", "high"), ("reason", "bored"), ("language", "de")])
def test_values_outside_the_contract_are_refused(field: str, value: str) -> None:
    arguments = {"level": "none", "markers": [], "reason": "resident_request", "language": "fi", field: value}
    with pytest.raises(ValueError):
        handoff_payload(**arguments)
