"""action_respond_triage: the reply per level, help first."""
from __future__ import annotations

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.triage.respond import ActionRespondTriage
from tests.actions.triage.helpers import DOMAIN, run, tracker

OPEN, CLOSED = "2026-11-25T10:00", "2026-11-25T22:00"  # a Wednesday


@pytest.fixture
def clock(monkeypatch):
    def set_to(moment: str) -> None:
        monkeypatch.setenv("NEUVO_NOW", moment)
    return set_to


def respond(slots, intent="ask_housing"):
    dispatcher = CollectingDispatcher()
    events = run(ActionRespondTriage().run(dispatcher, tracker(slots, "text", intent), DOMAIN))
    return dispatcher.messages, events


def responses(messages):
    return [m.get("response") or ("custom" if m.get("custom") else None) for m in messages]


def test_emergency_shows_112_and_crisis_line_first_then_hands_off(clock) -> None:
    clock(OPEN)
    messages, events = respond({"triage_pending": "emergency", "triage_level": "emergency",
                                "triage_markers": ["suicidal_ideation"], "language": "sv"}, "express_crisis")
    assert responses(messages) == ["utter_triage_emergency_crisis_line", "utter_handoff_emergency", "custom"]
    assert messages[-1]["custom"] == {"neuvo": {
        "event": "handoff", "level": "emergency", "markers": ["suicidal_ideation"], "reason": "triage",
        "language": "sv", "intake": None, "callback": None}}
    assert events == [SlotSet("triage_pending", None), SlotSet("intake_stop", None),
                      SlotSet("handoff_active", True), SlotSet("handoff_level", "emergency")]


@pytest.mark.parametrize("markers, response", [
    (["violence_now"], "utter_triage_emergency_violence"),
    (["overdose"], "utter_triage_emergency_poisoning"),
    (["overdose", "suicidal_ideation"], "utter_triage_emergency_crisis_line"),
])
def test_the_emergency_line_fits_the_markers(clock, markers, response) -> None:
    clock(CLOSED)
    messages, _ = respond({"triage_pending": "emergency", "triage_level": "emergency", "triage_markers": markers})
    assert responses(messages) == [response, "utter_handoff_emergency_closed", "utter_housing_answer", "custom"]


def test_urgent_inside_hours_hands_off_with_the_topic_answer(clock) -> None:
    clock(OPEN)
    messages, events = respond({"triage_pending": "urgent", "triage_level": "urgent",
                                "triage_markers": ["eviction_imminent"]})
    assert responses(messages) == ["utter_triage_urgent_open", "utter_housing_answer", "custom"]
    assert messages[-1]["custom"]["neuvo"]["level"] == "urgent"
    assert events[-2:] == [SlotSet("handoff_active", True), SlotSet("handoff_level", "urgent")]


def test_urgent_outside_hours_gives_the_social_emergency_number_and_asks_for_a_callback(clock) -> None:
    clock(CLOSED)
    messages, events = respond({"triage_pending": "urgent", "triage_level": "urgent"}, "ask_homelessness")
    assert responses(messages) == ["utter_triage_urgent_closed", "utter_homelessness_answer"]
    assert events == [
        SlotSet("triage_pending", None), SlotSet("intake_stop", None),
        SlotSet("intake_mode", "callback"), SlotSet("handoff_reason", "triage"),
        SlotSet("callback_reason", "outside_hours"), SlotSet("intake_confirmed", None),
        FollowupAction("intake_form"),
    ]


def test_support_answers_the_question_then_offers_a_person(clock) -> None:
    messages, events = respond({"triage_pending": "support", "triage_level": "support"}, "ask_debt_advice")
    assert responses(messages) == ["utter_debt_advice_answer", "utter_triage_support_offer"]
    assert events == [SlotSet("triage_pending", None), SlotSet("intake_stop", None)]


def test_support_during_a_handoff_says_nothing_more(clock) -> None:
    messages, _ = respond({"triage_pending": "support", "handoff_active": True})
    assert messages == []


def test_a_stopped_intake_hands_off_without_the_unconfirmed_details() -> None:
    from actions.intake.finish import ActionFinishIntake

    dispatcher = CollectingDispatcher()
    slots = {"intake_stop": "stopped", "consent_share": "yes", "phone": "+358401234567",
             "consent_callback": "yes", "handoff_reason": "resident_request", "triage_level": "support"}
    run(ActionFinishIntake().run(dispatcher, tracker(slots), DOMAIN))
    assert responses(dispatcher.messages) == ["utter_intake_stopped", "utter_request_human", "custom"]
    payload = dispatcher.messages[-1]["custom"]["neuvo"]
    assert payload["intake"] is None and payload["callback"] is None and payload["reason"] == "resident_request"
