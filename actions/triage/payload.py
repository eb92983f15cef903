"""The handoff payload the hub consumes (docs/handoff-protocol.md).

One custom message per handoff, sent with `dispatcher.utter_message(json_message=...)`.
The shape is a wire format, so it is a TypedDict and built in one place.
"""
from __future__ import annotations

from typing import Any, Dict, List, Literal, Optional, Sequence, TypedDict

from actions.triage.names import (
    CALLBACK_OUTSIDE_HOURS, CALLBACK_RESIDENT_CHOICE, EVENT_HANDOFF, LEVELS, PAYLOAD_KEY,
    REASON_CALLBACK, REASON_RESIDENT, REASON_TRIAGE,
)

REASONS = (REASON_TRIAGE, REASON_RESIDENT, REASON_CALLBACK)
CALLBACK_REASONS = (CALLBACK_OUTSIDE_HOURS, CALLBACK_RESIDENT_CHOICE)
LANGUAGES = ("fi", "sv", "en")


class Callback(TypedDict):
    phone: str
    preferred_time: Optional[str]
    reason: Literal["outside_hours", "resident_choice"]


class Handoff(TypedDict):
    event: Literal["handoff"]
    level: Literal["emergency", "urgent", "support", "none"]
    markers: List[str]
    reason: Literal["triage", "resident_request", "callback_request"]
    language: Literal["fi", "sv", "en"]
    intake: Optional[Dict[str, Any]]
    callback: Optional[Callback]


def handoff_payload(
    *,
    level: str,
    markers: Sequence[str],
    reason: str,
    language: str,
    intake: Optional[Dict[str, Any]] = None,
    callback: Optional[Callback] = None,
) -> Dict[str, Handoff]:
    """The `{"neuvo": {...}}` message; refuses values outside the contract."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    if reason not in REASONS:
        raise ValueError(f"unknown reason {reason!r}")
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    if callback is not None and callback["reason"] not in CALLBACK_REASONS:
        raise ValueError(f"unknown callback reason {callback['reason']!r}")
    body: Handoff = {
        "event": EVENT_HANDOFF,
        "level": level,  # type: ignore[typeddict-item]
        "markers": list(markers),
        "reason": reason,  # type: ignore[typeddict-item]
        "language": language,  # type: ignore[typeddict-item]
        "intake": intake,
        "callback": callback,
    }
    return {PAYLOAD_KEY: body}
