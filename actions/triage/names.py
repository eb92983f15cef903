"""Slot, action, response and payload names of the triage dialogue, spelled once."""
from __future__ import annotations

# Levels, lowest first (shared/spec/triage.md).
NONE, SUPPORT, URGENT, EMERGENCY = "none", "support", "urgent", "emergency"
LEVELS = (NONE, SUPPORT, URGENT, EMERGENCY)

# Slots.
TRIAGE_LEVEL = "triage_level"          # highest level so far; never falls
TRIAGE_MARKERS = "triage_markers"      # every marker seen so far, in order
TRIAGE_PENDING = "triage_pending"      # the level this message raised, until answered
HANDOFF_ACTIVE = "handoff_active"      # a handoff was sent and not handed back
HANDOFF_LEVEL = "handoff_level"        # the level of the last handoff sent

# Actions.
ACTION_VALIDATE_SLOT_MAPPINGS = "action_validate_slot_mappings"
ACTION_RESPOND_TRIAGE = "action_respond_triage"
ACTION_HANDED_BACK = "action_handed_back"
ACTION_START_INTAKE = "action_start_intake"

# Intents.
REQUEST_HUMAN = "request_human"
REQUEST_CALLBACK = "request_callback"
PERSON_INTENTS = (REQUEST_HUMAN, REQUEST_CALLBACK)

# Responses.
UTTER_EMERGENCY_CRISIS_LINE = "utter_triage_emergency_crisis_line"
UTTER_EMERGENCY_VIOLENCE = "utter_triage_emergency_violence"
UTTER_EMERGENCY_POISONING = "utter_triage_emergency_poisoning"
UTTER_HANDOFF_EMERGENCY = "utter_handoff_emergency"
UTTER_HANDOFF_EMERGENCY_CLOSED = "utter_handoff_emergency_closed"
UTTER_URGENT_OPEN = "utter_triage_urgent_open"
UTTER_URGENT_CLOSED = "utter_triage_urgent_closed"
UTTER_SUPPORT_OFFER = "utter_triage_support_offer"
UTTER_HANDOFF_DONE = "utter_handoff_done"
UTTER_HANDOFF_DONE_CALLBACK = "utter_handoff_done_callback"
UTTER_HANDOFF_DONE_CLOSED = "utter_handoff_done_closed"
UTTER_HANDED_BACK = "utter_handed_back"

# Marker that comes with a resident's own request for a person.
ASKS_FOR_PERSON = "asks_for_person"

# Handoff payload (docs/handoff-protocol.md).
PAYLOAD_KEY = "neuvo"
EVENT_HANDOFF = "handoff"
EVENT_HANDED_BACK = "handed_back"
HANDED_BACK_TEXT = "/handed_back"
REASON_TRIAGE = "triage"
REASON_RESIDENT = "resident_request"
REASON_CALLBACK = "callback_request"
CALLBACK_OUTSIDE_HOURS = "outside_hours"
CALLBACK_RESIDENT_CHOICE = "resident_choice"


def rank(level: str | None) -> int:
    """Position of a level; unknown or missing counts as `none`."""
    return LEVELS.index(level) if level in LEVELS else 0


def higher(a: str | None, b: str | None) -> str:
    return LEVELS[max(rank(a), rank(b))]
