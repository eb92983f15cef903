"""The reply to a message that raised the conversation's triage level.

Runs before anything else for that message (bot/policies/triage_first.py):
- emergency: 112 and the fitting crisis line in the resident's language
  first, then the handoff at once (no questions, no review); a topic
  question in the same message is answered after the crisis text;
- urgent: inside opening hours, hand off ahead of others; outside them, the
  social emergency number and a callback request (phone and consent);
- support: the answer to the question asked, then the offer of a person and
  what happens next.
"""
from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import names as n
from actions.topics import TOPIC_OF_INTENT, answer_response
from actions.triage.handoff import hand_off
from actions.triage.hours import is_open_now
from actions.triage.names import (
    ACTION_RESPOND_TRIAGE, CALLBACK_OUTSIDE_HOURS, EMERGENCY, HANDOFF_ACTIVE, REASON_TRIAGE, SUPPORT,
    TRIAGE_MARKERS, TRIAGE_PENDING, URGENT, UTTER_EMERGENCY_CRISIS_LINE, UTTER_EMERGENCY_POISONING,
    UTTER_EMERGENCY_VIOLENCE, UTTER_HANDOFF_EMERGENCY, UTTER_HANDOFF_EMERGENCY_CLOSED, UTTER_SUPPORT_OFFER,
    UTTER_URGENT_CLOSED, UTTER_URGENT_OPEN,
)
from nlu.triage.helpline import CRISIS, POISONING, VIOLENCE, helpline_kind

HELPLINE_RESPONSES = {VIOLENCE: UTTER_EMERGENCY_VIOLENCE, POISONING: UTTER_EMERGENCY_POISONING,
                      CRISIS: UTTER_EMERGENCY_CRISIS_LINE}


def crisis_response(markers: List[str]) -> str:
    """The emergency reply whose helpline fits what the resident wrote (nlu/triage/helpline.py)."""
    return HELPLINE_RESPONSES[helpline_kind(markers)]


def topic_answer(tracker: Tracker) -> str | None:
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    return answer_response(intent) if intent in TOPIC_OF_INTENT else None


class ActionRespondTriage(Action):
    def name(self) -> str:
        return ACTION_RESPOND_TRIAGE

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        level = tracker.get_slot(TRIAGE_PENDING)
        events: List[EventType] = [SlotSet(TRIAGE_PENDING, None), SlotSet(n.STOP, None)]
        if level == EMERGENCY:
            dispatcher.utter_message(response=crisis_response(list(tracker.get_slot(TRIAGE_MARKERS) or [])))
            dispatcher.utter_message(
                response=UTTER_HANDOFF_EMERGENCY if is_open_now() else UTTER_HANDOFF_EMERGENCY_CLOSED
            )
            answer = topic_answer(tracker)
            if answer:  # e.g. "I am afraid of my partner, where can I get help?": still worth answering
                dispatcher.utter_message(response=answer)
            return events + hand_off(dispatcher, tracker, reason=REASON_TRIAGE)
        answer = topic_answer(tracker)
        if level == URGENT:
            return events + self._urgent(dispatcher, tracker, answer)
        if level == SUPPORT and not tracker.get_slot(HANDOFF_ACTIVE):
            if answer:
                dispatcher.utter_message(response=answer)
            dispatcher.utter_message(response=UTTER_SUPPORT_OFFER)
        return events

    @staticmethod
    def _urgent(dispatcher: CollectingDispatcher, tracker: Tracker, answer: str | None) -> List[EventType]:
        if is_open_now():
            dispatcher.utter_message(response=UTTER_URGENT_OPEN)
            if answer:
                dispatcher.utter_message(response=answer)
            return hand_off(dispatcher, tracker, reason=REASON_TRIAGE)
        dispatcher.utter_message(response=UTTER_URGENT_CLOSED)
        if answer:
            dispatcher.utter_message(response=answer)
        return [
            SlotSet(n.MODE, n.MODE_CALLBACK),
            SlotSet(n.HANDOFF_REASON, REASON_TRIAGE),
            SlotSet(n.CALLBACK_REASON, CALLBACK_OUTSIDE_HOURS),
            SlotSet(n.CONFIRMED, None),
            FollowupAction(n.FORM),
        ]
