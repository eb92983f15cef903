"""Asks one intake question: the text from the domain, the buttons from the answers' labels.

One small action per question (Rasa calls `action_ask_<slot>`), generated
from one table, so each question's buttons are defined once. The question
texts are content in bot/domain/intake/questions.yml.
"""
from __future__ import annotations

import json
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Sequence

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import names as n
from actions.intake.areas import municipalities
from actions.intake.labels import button_title
from actions.intake.summary import correction_buttons, summary_text
from actions.triage.handoff import language_of

SKIP = "skip"
CALLBACK_TIMES = ("morning", "afternoon", "any_time")

# The buttons of each question, as answer codes; "skip" marks an optional question.
CHOICES: Dict[str, Sequence[str]] = {
    n.AGE_GROUP: (*n.AGE_GROUPS, SKIP),
    n.MINORS: (n.YES, n.NO, SKIP),
    n.URGENT: (n.YES, n.NO, SKIP),
    n.COPING: ("1", "2", "3", "4", "5", SKIP),
    n.NAMED_WORKER: (n.YES, n.NO, n.DONT_KNOW, SKIP),
    n.CONTACT: (*n.CONTACT_CHOICES, SKIP),
    n.PHONE: (SKIP,),
    n.CALLBACK_TIME: (*CALLBACK_TIMES, SKIP),
    n.NAME: (SKIP,),
    n.CONSENT_SHARE: (n.YES, n.NO),
    n.CONSENT_CALLBACK: (n.YES, n.NO),
}


def payload(choice: str) -> str:
    """A button payload: the `inform` intent with the answer code as entity `choice`."""
    return f"/{n.INFORM}{json.dumps({n.CHOICE_ENTITY: choice}, ensure_ascii=False)}"


def buttons(choices: Sequence[str], language: str) -> List[Dict[str, str]]:
    return [{"title": button_title(c, language), "payload": payload(c)} for c in choices]


def ask_response(slot: str) -> str:
    return f"utter_ask_{slot}"


class AskQuestion(Action, ABC):
    """`action_ask_<slot>`: the question with its buttons."""

    slot: str = ""

    @abstractmethod
    def name(self) -> str:
        """`action_ask_<slot>`; abstract so the action server never registers the base."""

    def choices(self, tracker: Tracker) -> Sequence[str]:
        return CHOICES.get(self.slot, ())

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        dispatcher.utter_message(
            response=ask_response(self.slot), buttons=buttons(self.choices(tracker), language_of(tracker))
        )
        return []


def _question(slot: str) -> type:
    return type(f"AskQuestion_{slot}", (AskQuestion,), {
        "slot": slot, "__module__": __name__, "name": lambda self, _slot=slot: f"action_ask_{_slot}",
    })


ASK_ACTIONS = [_question(slot) for slot in CHOICES]


class ActionAskMunicipality(AskQuestion):
    """The county's municipalities from bot/organisation.yml, as buttons."""

    slot = n.MUNICIPALITY

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        choices = [{"title": m, "payload": payload(m)} for m in municipalities()]
        choices += buttons((SKIP,), language_of(tracker))
        dispatcher.utter_message(response=ask_response(self.slot), buttons=choices)
        return []


class ActionAskNeedAreas(AskQuestion):
    """Several areas may be chosen: the ones not yet chosen, then "done"."""

    slot = n.NEED_AREAS

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        picked = list(tracker.get_slot(n.NEED_AREA_PICKS) or [])
        language = language_of(tracker)
        left = [a for a in n.NEED_AREA_CHOICES if a not in picked]
        if picked:
            dispatcher.utter_message(response=n.UTTER_NEED_AREAS_MORE,
                                     buttons=buttons([*left, n.DONE], language))
        else:
            dispatcher.utter_message(response=ask_response(self.slot), buttons=buttons([*left, SKIP], language))
        return []


class ActionAskIntakeConfirmed(AskQuestion):
    """The review: a short summary of what will be sent, or the choice of what to correct."""

    slot = n.CONFIRMED

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        language = language_of(tracker)
        if tracker.get_slot(n.CORRECTING):
            dispatcher.utter_message(response=n.UTTER_ASK_CORRECTION, buttons=correction_buttons(tracker, language))
            return []
        dispatcher.utter_message(
            response=n.UTTER_SUMMARY, summary=summary_text(tracker, language),
            buttons=buttons((n.SEND, n.CORRECT), language),
        )
        return []
