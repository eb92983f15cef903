"""Keeps the conversation's triage in slots after every resident message.

Rasa runs `action_validate_slot_mappings` after each user message, before it
predicts the next action, so the level is known whatever the intent: an
urgent sentence classified as a housing question still raises the
conversation first. The level never falls; markers accumulate.
`triage_pending` holds the level this very message raised (or nothing), and
the dialogue answers it first (bot/policies/triage_first.py).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.slots import LANGUAGE
from actions.triage.names import (
    ACTION_VALIDATE_SLOT_MAPPINGS, ASKS_FOR_PERSON, EVENT_HANDED_BACK, HANDOFF_ACTIVE, NONE,
    PAYLOAD_KEY, PERSON_INTENTS, SUPPORT, TRIAGE_LEVEL, TRIAGE_MARKERS, TRIAGE_PENDING, higher, rank,
)

BUTTON_PREFIX = "/"


def message_triage(message: Dict[str, Any]) -> Tuple[str, List[str]]:
    """Level and markers of one parsed message.

    Button payloads ("/intent{...}") bypass the NLU, so their `triage` is
    about the payload text, not the resident's words: it is ignored. Asking
    for a person is itself a support marker (shared/spec/triage.md).
    """
    text = (message.get("text") or "").strip()
    triage = {} if text.startswith(BUTTON_PREFIX) else (message.get("triage") or {})
    level = triage.get("level") or NONE
    markers = [str(m) for m in triage.get("markers") or []]
    intent = (message.get("intent") or {}).get("name")
    if intent in PERSON_INTENTS:
        level = higher(level, SUPPORT)
        if ASKS_FOR_PERSON not in markers:
            markers.append(ASKS_FOR_PERSON)
    return level, markers


def is_handed_back(message: Dict[str, Any]) -> bool:
    """The hub's hand-back notice: metadata `{"neuvo": {"event": "handed_back"}}`."""
    metadata = message.get("metadata") or {}
    notice = metadata.get(PAYLOAD_KEY) if isinstance(metadata, dict) else None
    return isinstance(notice, dict) and notice.get("event") == EVENT_HANDED_BACK


def triage_events(
    previous_level: Optional[str], previous_markers: Optional[List[str]], message: Dict[str, Any]
) -> List[EventType]:
    """Slot events for one message: rising level, merged markers, pending level."""
    if is_handed_back(message):
        return [SlotSet(HANDOFF_ACTIVE, False), SlotSet(TRIAGE_PENDING, None)]
    level, markers = message_triage(message)
    old_level = previous_level or NONE
    old_markers = list(previous_markers or [])
    events: List[EventType] = []
    new_level = higher(old_level, level)
    if new_level != old_level:
        events.append(SlotSet(TRIAGE_LEVEL, new_level))
    merged = old_markers + [m for m in markers if m not in old_markers]
    if merged != old_markers:
        events.append(SlotSet(TRIAGE_MARKERS, merged))
    pending = level if rank(level) > rank(old_level) else None
    events.append(SlotSet(TRIAGE_PENDING, pending))
    return events


def language_before_message(events: List[Dict[str, Any]]) -> Optional[str]:
    """The `language` slot as it was before the latest user message."""
    seen_user = False
    for event in reversed(events):
        if event.get("event") == "user":
            seen_user = True
        elif seen_user and event.get("event") == "slot" and event.get("name") == LANGUAGE:
            return event.get("value")
    return None


def keep_language(tracker: Tracker) -> List[EventType]:
    """A button payload or the hub's notice says nothing about the resident's language.

    The language detector runs on "/handed_back" or "/request_human" as on any
    text (and may call it English); the language stays what it was.
    """
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    before = language_before_message(tracker.events)
    if text.startswith(BUTTON_PREFIX) and before and tracker.get_slot(LANGUAGE) != before:
        return [SlotSet(LANGUAGE, before)]
    return []


class ActionValidateSlotMappings(Action):
    """Rasa's hook after every user message; here: the triage slots."""

    def name(self) -> str:
        return ACTION_VALIDATE_SLOT_MAPPINGS

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        return keep_language(tracker) + triage_events(
            tracker.get_slot(TRIAGE_LEVEL), tracker.get_slot(TRIAGE_MARKERS), tracker.latest_message or {}
        )
