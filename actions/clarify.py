"""Answers a message the assistant did not understand well: never a dead end.

First time: "did you mean A or B?" with the two likeliest topics as buttons
and a "talk to a person" button. Twice in a row, or with nothing to offer:
the ways to reach a person. A message in an unsupported language gets a
short reply in all three languages.
"""
from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.responses import response_text
from actions.slots import (
    DEFAULT_LANGUAGE,
    LANGUAGE,
    REQUEST_HUMAN_PAYLOAD,
    UTTER_CLARIFY_TOPIC,
    UTTER_OFFER_PERSON,
    UTTER_PERSON_BUTTON,
    UTTER_UNSUPPORTED_LANGUAGE,
)
from actions.topics import TOPIC_OF_INTENT, label_response

NAME = "action_clarify_topic"
UNSUPPORTED_LANGUAGE_ENTITY = "unsupported_language"
MIN_CANDIDATE_CONFIDENCE = 0.05


def _previous_bot_action(tracker: Tracker) -> str | None:
    """The last action before the current user message, ignoring listen."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return None
            seen_user = True
        elif seen_user and event.get("event") == "action" and event.get("name") != "action_listen":
            return event.get("name")
    return None


def candidate_topics(ranking: List[Dict[str, Any]], limit: int = 2) -> List[str]:
    return [
        item["name"] for item in ranking
        if item.get("name") in TOPIC_OF_INTENT and item.get("confidence", 0) >= MIN_CANDIDATE_CONFIDENCE
    ][:limit]


class ActionClarifyTopic(Action):
    def name(self) -> str:
        return NAME

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        message = tracker.latest_message or {}
        if any(e.get("entity") == UNSUPPORTED_LANGUAGE_ENTITY for e in message.get("entities") or []):
            dispatcher.utter_message(response=UTTER_UNSUPPORTED_LANGUAGE)
            return []
        candidates = candidate_topics(message.get("intent_ranking") or [])
        if not candidates or _previous_bot_action(tracker) == NAME:
            dispatcher.utter_message(response=UTTER_OFFER_PERSON)
            return []
        language = tracker.get_slot(LANGUAGE) or DEFAULT_LANGUAGE
        buttons = [
            {"title": response_text(domain, label_response(intent), language) or intent, "payload": f"/{intent}"}
            for intent in candidates
        ]
        buttons.append(
            {"title": response_text(domain, UTTER_PERSON_BUTTON, language), "payload": REQUEST_HUMAN_PAYLOAD}
        )
        dispatcher.utter_message(response=UTTER_CLARIFY_TOPIC, buttons=buttons)
        return []
