"""validate_intake_form through rasa-sdk's FormValidationAction.run, events compared exactly."""
from __future__ import annotations

import asyncio
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import names as n
from actions.intake.validate import ValidateIntakeForm, required_questions

DOMAIN = {"forms": {n.FORM: {"required_slots": list(n.QUESTIONS)}}}
FULL_START = {n.MODE: n.MODE_FULL}


def answer(requested: str, text: str, slots: Optional[Dict[str, Any]] = None, choice: Optional[str] = None,
           pending: Optional[str] = None):
    """Runs the validation as Rasa does after the resident answered `requested`."""
    slots = {**FULL_START, **(slots or {}), n.REQUESTED_SLOT: requested, requested: text, "triage_pending": pending}
    entities = [{"entity": "choice", "value": choice}] if choice else []
    latest = {"text": text, "intent": {"name": "inform", "confidence": 1.0}, "entities": entities}
    events = [{"event": "user", "text": text}, {"event": "action", "name": n.FORM},
              {"event": "slot", "name": requested, "value": text}]
    tracker = Tracker("resident", slots, latest, events, False, None, {"name": n.FORM}, "action_listen")
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ValidateIntakeForm().run(dispatcher, tracker, DOMAIN))
    return result, [m.get("response") for m in dispatcher.messages]


def test_a_good_age_is_stored_and_the_municipality_asked_next() -> None:
    assert answer(n.AGE_GROUP, "34") == ([SlotSet(n.AGE_GROUP, "18_64"), SlotSet(n.REQUESTED_SLOT, n.MUNICIPALITY)], [])


VALID = {n.AGE_GROUP: "18_64", n.MUNICIPALITY: "Lahti", n.MINORS: "no", n.NEED_AREAS: ["housing"],
         n.URGENT: "no", n.COPING: "3", n.NAMED_WORKER: "no", n.CONTACT: n.PHONE_CALL, n.PHONE: "+358401234567",
         n.CALLBACK_TIME: "aamulla", n.NAME: "Liisa", n.CONSENT_SHARE: "yes", n.CONSENT_CALLBACK: "yes"}


def answered_before(slot: str) -> Dict[str, Any]:
    """Valid answers to every question asked before `slot` (phone wanted)."""
    order = list(n.QUESTIONS)
    return {q: VALID[q] for q in order[:order.index(slot)]}


BAD_INPUT = [
    (n.AGE_GROUP, "ääsdf", n.UTTER_BAD_AGE),
    (n.MUNICIPALITY, "1510", n.UTTER_BAD_MUNICIPALITY),
    (n.MINORS, "ääsdf", n.UTTER_BAD_YES_NO),
    (n.NEED_AREAS, "ääsdf", n.UTTER_BAD_NEED_AREAS),
    (n.URGENT, "ääsdf", n.UTTER_BAD_YES_NO),
    (n.COPING, "7", n.UTTER_BAD_COPING),
    (n.NAMED_WORKER, "ääsdf", n.UTTER_BAD_YES_NO),
    (n.CONTACT, "ääsdf", n.UTTER_BAD_CONTACT),
    (n.PHONE, "12345", n.UTTER_BAD_PHONE),
    (n.PHONE, "+46 70 123 45 67", n.UTTER_BAD_FOREIGN_PHONE),
    (n.CALLBACK_TIME, "ääsdf", n.UTTER_BAD_CALLBACK_TIME),
    (n.NAME, "12345", n.UTTER_BAD_NAME),
    (n.CONSENT_SHARE, "ääsdf", n.UTTER_BAD_CONSENT),
    (n.CONSENT_CALLBACK, "ääsdf", n.UTTER_BAD_CONSENT),
    (n.CONFIRMED, "ääsdf", n.UTTER_BAD_CONFIRM),
]


@pytest.mark.parametrize("slot, text, response", BAD_INPUT, ids=[f"{s}-{t}" for s, t, _ in BAD_INPUT])
def test_bad_input_is_refused_and_asked_again_with_an_example(slot: str, text: str, response: str) -> None:
    events, messages = answer(slot, text, answered_before(slot))
    assert events[0] == SlotSet(slot, None)
    # With every question relevant, rasa-sdk leaves choosing the next one to Rasa (the same one).
    assert [e["value"] for e in events if e["name"] == n.REQUESTED_SLOT] in ([slot], [])
    assert messages == [response]


def test_phone_is_normalised() -> None:
    events, _ = answer(n.PHONE, "040 123 4567", answered_before(n.PHONE))
    assert events == [SlotSet(n.PHONE, "+358401234567")]  # Rasa then asks the callback time


def test_an_optional_question_can_be_skipped() -> None:
    events, _ = answer(n.AGE_GROUP, '/inform{"choice": "skip"}', choice="skip")
    assert events == [SlotSet(n.AGE_GROUP, n.SKIPPED), SlotSet(n.REQUESTED_SLOT, n.MUNICIPALITY)]


def test_stopping_ends_the_form() -> None:
    events, messages = answer(n.MUNICIPALITY, "en halua vastata")
    assert events == [SlotSet(n.MUNICIPALITY, None), SlotSet(n.STOP, n.STOP_STOPPED), SlotSet(n.REQUESTED_SLOT, None)]
    assert messages == []


@pytest.mark.parametrize("level", ["emergency", "urgent"])
def test_an_urgent_message_ends_the_form_so_help_comes_first(level: str) -> None:
    events, _ = answer(n.NEED_AREAS, "en jaksa enää elää", pending=level)
    assert events == [SlotSet(n.NEED_AREAS, None), SlotSet(n.STOP, n.STOP_TRIAGE), SlotSet(n.REQUESTED_SLOT, None)]


@pytest.mark.parametrize("text, response", [("16", n.UTTER_ROUTE_MINOR), ("72", n.UTTER_ROUTE_ELDERLY)])
def test_under_18_and_over_64_are_guided_and_the_form_goes_on(text: str, response: str) -> None:
    events, messages = answer(n.AGE_GROUP, text)
    assert messages == [response] and events[-1] == SlotSet(n.REQUESTED_SLOT, n.MUNICIPALITY)


def test_minors_in_household_are_guided_to_family_services() -> None:
    events, messages = answer(n.MINORS, "kyllä", answered_before(n.MINORS))
    assert events == [SlotSet(n.MINORS, n.YES), SlotSet(n.REQUESTED_SLOT, n.NEED_AREAS)]
    assert messages == [n.UTTER_ROUTE_FAMILY]


def test_a_municipality_outside_the_area_gets_the_right_contact() -> None:
    events, messages = answer(n.MUNICIPALITY, "Tampere", answered_before(n.MUNICIPALITY))
    assert events[:3] == [SlotSet(n.MUNICIPALITY, "Tampere"), SlotSet(n.POSTAL_CODE, None), SlotSet(n.IN_AREA, False)]
    assert messages == [n.UTTER_ROUTE_OUTSIDE]


def test_need_areas_are_chosen_one_by_one_then_done() -> None:
    before = answered_before(n.NEED_AREAS)
    events, _ = answer(n.NEED_AREAS, '/inform{"choice": "housing"}', before, choice="housing")
    assert events == [SlotSet(n.NEED_AREAS, None), SlotSet(n.NEED_AREA_PICKS, ["housing"]),
                      SlotSet(n.REQUESTED_SLOT, n.NEED_AREAS)]
    events, _ = answer(n.NEED_AREAS, "velat ja päihteet", {**before, n.NEED_AREA_PICKS: ["housing"]})
    assert events[1] == SlotSet(n.NEED_AREA_PICKS, ["housing", "money_and_debts", "substances"])
    events, _ = answer(n.NEED_AREAS, "valmis", {**before, n.NEED_AREA_PICKS: ["housing", "substances"]})
    assert events == [SlotSet(n.NEED_AREAS, ["housing", "substances"]), SlotSet(n.REQUESTED_SLOT, n.URGENT)]


def test_correcting_an_answer_at_the_review_asks_it_again() -> None:
    filled = answered_before(n.CONFIRMED)
    events, _ = answer(n.CONFIRMED, '/inform{"choice": "correct"}', filled, choice="correct")
    assert events == [SlotSet(n.CONFIRMED, None), SlotSet(n.CORRECTING, True)]
    events, _ = answer(n.CONFIRMED, '/inform{"choice": "fix:age_group"}', {**filled, n.CORRECTING: True},
                       choice="fix:age_group")
    # Rasa then asks the first unanswered question: the age again, then the review.
    assert events == [SlotSet(n.CONFIRMED, None), SlotSet(n.AGE_GROUP, None), SlotSet(n.CORRECTING, None)]


def test_a_typed_correction_names_the_answer() -> None:
    events, _ = answer(n.CONFIRMED, "korjaa kunta", answered_before(n.CONFIRMED))
    assert SlotSet(n.MUNICIPALITY, None) in events and SlotSet(n.CONFIRMED, None) in events


def test_consent_is_asked_per_purpose() -> None:
    base = {n.CONTACT: n.PHONE_CALL}
    assert required_questions(base)[-4:] == [n.PHONE, n.NAME, n.CONSENT_SHARE, n.CONFIRMED]
    with_phone = required_questions({**base, n.PHONE: "+358401234567"})
    assert with_phone[-4:] == [n.NAME, n.CONSENT_SHARE, n.CONSENT_CALLBACK, n.CONFIRMED]
    assert n.CONSENT_CALLBACK not in required_questions({n.CONTACT: n.CHAT})
    assert required_questions({n.MODE: n.MODE_CALLBACK}) == [n.PHONE, n.NAME, n.CONFIRMED]
    assert required_questions({n.STOP: n.STOP_STOPPED}) == []


def test_a_topic_question_mid_form_is_answered_then_asked_again() -> None:
    slots = {**FULL_START, n.REQUESTED_SLOT: n.MUNICIPALITY, n.MUNICIPALITY: "Miten haen toimeentulotukea?"}
    latest = {"text": "Miten haen toimeentulotukea?", "entities": [],
              "intent": {"name": "ask_social_assistance", "confidence": 0.95}}
    events = [{"event": "slot", "name": n.MUNICIPALITY, "value": "Miten haen toimeentulotukea?"}]
    tracker = Tracker("resident", slots, latest, events, False, None, {"name": n.FORM}, "action_listen")
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ValidateIntakeForm().run(dispatcher, tracker, DOMAIN))
    assert result[0] == SlotSet(n.MUNICIPALITY, None)
    assert [m["response"] for m in dispatcher.messages] == ["utter_social_assistance_answer"]


def run_with(requested: str, text: str, slots: Dict[str, Any]):
    """Like `answer`, with the messages' variables (the corrected answer's line)."""
    slots = {**FULL_START, **slots, n.REQUESTED_SLOT: requested, requested: text}
    latest = {"text": text, "intent": {"name": "inform", "confidence": 1.0}, "entities": []}
    tracker = Tracker("resident", slots, latest, [{"event": "slot", "name": requested, "value": text}], False,
                      None, {"name": n.FORM}, "action_listen")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateIntakeForm().run(dispatcher, tracker, DOMAIN))
    return events, [(m.get("response"), m.get("corrected")) for m in dispatcher.messages]


def test_mid_form_a_named_answer_is_corrected_then_the_open_question_is_asked_again() -> None:
    events, messages = run_with(n.MINORS, "muuta kunta, asun Hollolassa", answered_before(n.MINORS))
    assert events == [SlotSet(n.MINORS, None), SlotSet(n.MUNICIPALITY, "Hollola"), SlotSet(n.POSTAL_CODE, None),
                      SlotSet(n.IN_AREA, True), SlotSet(n.REQUESTED_SLOT, n.MINORS)]
    assert messages == [(n.UTTER_CORRECTED, "Kunta: Hollola")]


def test_mid_form_a_corrected_age_is_read_by_its_own_question_and_still_routes() -> None:
    events, messages = run_with(n.NEED_AREAS, "korjaan: ikäni on 70", answered_before(n.NEED_AREAS))
    assert events == [SlotSet(n.NEED_AREAS, None), SlotSet(n.AGE_GROUP, n.OVER_64),
                      SlotSet(n.REQUESTED_SLOT, n.NEED_AREAS)]
    assert messages == [(n.UTTER_CORRECTED, "Ikä: 65 tai yli"), (n.UTTER_ROUTE_ELDERLY, None)]


def test_mid_form_i_meant_a_place_corrects_the_municipality_in_english() -> None:
    events, messages = run_with(n.URGENT, "I meant Heinola", {**answered_before(n.URGENT), "language": "en"})
    assert SlotSet(n.MUNICIPALITY, "Heinola") in events and events[0] == SlotSet(n.URGENT, None)
    assert events[-1] == SlotSet(n.REQUESTED_SLOT, n.URGENT)
    assert messages == [(n.UTTER_CORRECTED, "Municipality: Heinola")]


def test_mid_form_a_correction_without_a_new_value_asks_that_question_again_first() -> None:
    events, messages = run_with(n.COPING, "jag vill ändra åldern", {**answered_before(n.COPING), "language": "sv"})
    assert events == [SlotSet(n.COPING, None), SlotSet(n.AGE_GROUP, None), SlotSet(n.REQUESTED_SLOT, n.AGE_GROUP)]
    assert messages == []


def test_mid_form_an_unusable_new_value_gets_the_questions_own_re_ask() -> None:
    events, messages = run_with(n.COPING, "korjaa kunta: ääsdf", answered_before(n.COPING))
    assert events[:2] == [SlotSet(n.COPING, None), SlotSet(n.MUNICIPALITY, None)]
    assert events[-1] == SlotSet(n.REQUESTED_SLOT, n.MUNICIPALITY)
    assert messages == [(n.UTTER_BAD_MUNICIPALITY, None)]


@pytest.mark.parametrize("requested, text, expected", [
    (n.NEED_AREAS, "muuta", None),                   # "other" is an answer here, not "change"
    (n.COPING, "korjaan: 2", SlotSet(n.COPING, "2")),  # a number answers a number question
    (n.MUNICIPALITY, "korjaan: Lahti", SlotSet(n.MUNICIPALITY, "Lahti")),  # the open question itself
])
def test_mid_form_answers_with_correction_like_words_are_still_answers(requested, text, expected) -> None:
    events, messages = run_with(requested, text, answered_before(requested))
    assert all(e["name"] != n.AGE_GROUP for e in events)
    assert (n.UTTER_CORRECTED, None) not in messages and all(m[0] != n.UTTER_CORRECTED for m in messages)
    if expected is not None:
        assert events[0] == expected
    else:
        assert SlotSet(n.NEED_AREA_PICKS, ["other"]) in events


@pytest.mark.parametrize("text, language", [
    ("korjaa alaikäiset: kyllä", "fi"), ("I want to change the number of children: yes", "en"),
])
def test_mid_form_a_yes_no_answer_is_corrected_when_its_question_is_named(text: str, language: str) -> None:
    events, messages = run_with(n.COPING, text, {**answered_before(n.COPING), "language": language})
    assert events == [SlotSet(n.COPING, None), SlotSet(n.MINORS, n.YES), SlotSet(n.REQUESTED_SLOT, n.COPING)]
    assert [m[0] for m in messages] == [n.UTTER_CORRECTED, n.UTTER_ROUTE_FAMILY]
    # "alaikäiset" contains "ikä": the age is not the answer meant.
    assert all(e["name"] != n.AGE_GROUP for e in events)
