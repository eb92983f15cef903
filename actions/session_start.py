"""Starts a session with the organisation's facts in slots.

Why: answers read local facts (`{org_polku_phone}`) from slots, so the
organisation file is the only place they live and can change without
retraining. The resident's language carries over into a new session.
"""
from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.organisation import org_slot_values
from actions.slots import DEFAULT_LANGUAGE, LANGUAGE


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        language = tracker.get_slot(LANGUAGE) or DEFAULT_LANGUAGE
        events: List[EventType] = [SessionStarted(), SlotSet(LANGUAGE, language)]
        events += [SlotSet(name, value) for name, value in org_slot_values().items()]
        events.append(ActionExecuted("action_listen"))
        return events
