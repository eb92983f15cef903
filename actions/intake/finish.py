"""After the intake form: hand off what the resident confirmed, or what they allowed.

The form ends in one of three ways: confirmed at the review, stopped by the
resident ("lopeta": the handoff still goes, without the unconfirmed intake
or callback), or interrupted by an emergency or urgent message (then
action_respond_triage answers first and this action does nothing).
"""
from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import names as n
from actions.triage.handoff import callback_of, hand_off
from actions.triage.hours import is_open_now
from actions.triage.names import (
    HANDOFF_ACTIVE, REASON_RESIDENT, UTTER_HANDOFF_DONE, UTTER_HANDOFF_DONE_CALLBACK, UTTER_HANDOFF_DONE_CLOSED,
)


class ActionFinishIntake(Action):
    def name(self) -> str:
        return n.ACTION_FINISH

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        stop = tracker.get_slot(n.STOP)
        if stop == n.STOP_TRIAGE or tracker.get_slot(HANDOFF_ACTIVE):
            return [SlotSet(n.STOP, None)]
        if stop == n.STOP_STOPPED:
            dispatcher.utter_message(response=n.UTTER_STOPPED)
            dispatcher.utter_message(response=n.UTTER_REQUEST_HUMAN)
        elif callback_of(tracker):
            dispatcher.utter_message(response=UTTER_HANDOFF_DONE_CALLBACK)
        else:
            if tracker.get_slot(n.CONTACT) == n.VISIT:
                dispatcher.utter_message(response=n.UTTER_VISIT_INFO)
            dispatcher.utter_message(response=UTTER_HANDOFF_DONE if is_open_now() else UTTER_HANDOFF_DONE_CLOSED)
        events = hand_off(dispatcher, tracker, reason=tracker.get_slot(n.HANDOFF_REASON) or REASON_RESIDENT,
                          with_details=stop != n.STOP_STOPPED)
        return events + [SlotSet(n.STOP, None), SlotSet(n.CONFIRMED, None), SlotSet(n.CORRECTING, None)]
