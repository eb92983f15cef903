"""A resident asks for a person or a callback: gather the intake, then hand off.

While a handoff is already under way the assistant stays quiet about it:
the hub shows the queue, so a repeated request sends nothing new.
Answers given earlier in the conversation are kept, so nobody is asked twice;
the review at the end lets the resident correct them.
"""
from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import names as n
from actions.triage.names import (
    ACTION_START_INTAKE, CALLBACK_RESIDENT_CHOICE, HANDOFF_ACTIVE, REASON_CALLBACK, REASON_RESIDENT,
    REQUEST_CALLBACK,
)


class ActionStartIntake(Action):
    def name(self) -> str:
        return ACTION_START_INTAKE

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        if tracker.get_slot(HANDOFF_ACTIVE):
            return []
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        events: List[EventType] = [SlotSet(n.CONFIRMED, None), SlotSet(n.STOP, None), SlotSet(n.CORRECTING, None)]
        if intent == REQUEST_CALLBACK:
            dispatcher.utter_message(response=n.UTTER_INTRO_CALLBACK)
            events += [
                SlotSet(n.MODE, n.MODE_CALLBACK),
                SlotSet(n.HANDOFF_REASON, REASON_CALLBACK),
                SlotSet(n.CALLBACK_REASON, CALLBACK_RESIDENT_CHOICE),
            ]
        else:
            dispatcher.utter_message(response=n.UTTER_INTRO)
            events += [SlotSet(n.MODE, n.MODE_FULL), SlotSet(n.HANDOFF_REASON, REASON_RESIDENT)]
        return events + [FollowupAction(n.FORM)]
