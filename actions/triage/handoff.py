"""Hands the conversation to a counsellor: one custom payload for the hub.

Whatever triggered it (triage, the resident's request, a callback), the
handoff is built here from the slots, so the payload always has the shape
of docs/handoff-protocol.md. The intake record travels only with the
resident's consent to pass it on; the callback only with consent to call.
"""
from __future__ import annotations

from typing import List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import names as n
from actions.intake.record import from_slots
from actions.slots import DEFAULT_LANGUAGE, LANGUAGE
from actions.triage.names import (
    CALLBACK_RESIDENT_CHOICE, HANDOFF_ACTIVE, HANDOFF_LEVEL, NONE, TRIAGE_LEVEL, TRIAGE_MARKERS,
)
from actions.triage.payload import Callback, handoff_payload


def language_of(tracker: Tracker) -> str:
    language = tracker.get_slot(LANGUAGE)
    return language if language in ("fi", "sv", "en") else DEFAULT_LANGUAGE


def callback_of(tracker: Tracker) -> Optional[Callback]:
    """The callback to record, only with a valid phone and consent to call."""
    phone = tracker.get_slot(n.PHONE)
    if not phone or phone == n.SKIPPED or tracker.get_slot(n.CONSENT_CALLBACK) != n.YES:
        return None
    preferred = tracker.get_slot(n.CALLBACK_TIME)
    return {
        "phone": phone,
        "preferred_time": None if preferred in (None, n.SKIPPED) else preferred,
        "reason": tracker.get_slot(n.CALLBACK_REASON) or CALLBACK_RESIDENT_CHOICE,
    }


def hand_off(
    dispatcher: CollectingDispatcher, tracker: Tracker, *, reason: str, with_details: bool = True
) -> List[EventType]:
    """Sends the handoff payload; returns the slot events that record it.

    `with_details=False` when the resident stopped before confirming the
    review: then neither the intake nor the callback is passed on.
    """
    language = language_of(tracker)
    level = tracker.get_slot(TRIAGE_LEVEL) or NONE
    record = from_slots(tracker.slots, language)
    share = with_details and record.consent.pass_to_counsellor
    dispatcher.utter_message(json_message=handoff_payload(
        level=level,
        markers=list(tracker.get_slot(TRIAGE_MARKERS) or []),
        reason=reason,
        language=language,
        intake=record.to_dict() if share else None,
        callback=callback_of(tracker) if with_details else None,
    ))
    return [SlotSet(HANDOFF_ACTIVE, True), SlotSet(HANDOFF_LEVEL, level)]
