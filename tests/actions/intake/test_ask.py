"""The intake's questions: buttons from one table, the review shows only the resident's answers."""
from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import names as n
from actions.intake.ask import ASK_ACTIONS, ActionAskIntakeConfirmed, ActionAskMunicipality, ActionAskNeedAreas, payload
from actions.intake.areas import municipalities


def ask(action, slots):
    dispatcher = CollectingDispatcher()
    tracker = Tracker("resident", slots, {}, [], False, None, {"name": n.FORM}, "action_listen")
    asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages


def test_every_question_has_an_ask_action_in_the_domain_order() -> None:
    names = {a().name() for a in ASK_ACTIONS} | {ActionAskMunicipality().name(), ActionAskNeedAreas().name(),
                                                ActionAskIntakeConfirmed().name()}
    assert names == {f"action_ask_{q}" for q in n.QUESTIONS}


def test_yes_no_buttons_in_the_residents_language() -> None:
    action = next(a() for a in ASK_ACTIONS if a.slot == n.MINORS)
    [message] = ask(action, {"language": "sv"})
    assert message["response"] == "utter_ask_minors_in_household"
    assert [(b["title"], b["payload"]) for b in message["buttons"]] == [
        ("Ja", payload("yes")), ("Nej", payload("no")), ("Hoppa över", payload("skip"))]


def test_municipality_buttons_come_from_the_organisation_file() -> None:
    [message] = ask(ActionAskMunicipality(), {})
    assert [b["title"] for b in message["buttons"]][:-1] == municipalities()


def test_need_areas_offer_what_is_left_and_done() -> None:
    [message] = ask(ActionAskNeedAreas(), {n.NEED_AREA_PICKS: ["housing"]})
    payloads = [b["payload"] for b in message["buttons"]]
    assert payload("housing") not in payloads and payloads[-1] == payload("done")
    assert message["response"] == n.UTTER_NEED_AREAS_MORE


def test_the_review_lists_answers_but_never_the_counsellors_suggestion() -> None:
    slots = {n.AGE_GROUP: "18_64", n.MUNICIPALITY: "Lahti", n.NEED_AREAS: ["housing"], n.COPING: "2",
             n.PHONE: "[puh]", n.CONSENT_SHARE: "yes", "language": "fi"}
    [message] = ask(ActionAskIntakeConfirmed(), slots)
    assert message["summary"] == ("- Ikä: 18–64\n- Kunta: Lahti\n- Asiat: asuminen\n- Arjessa pärjääminen: 2 – vaikeaa\n"
                                  "- Puhelin: antamasi numero\n- Tiedot sosiaaliohjaajalle: kyllä")
    assert "asiakkuus" not in message["summary"]
    assert [b["payload"] for b in message["buttons"]] == [payload("send"), payload("correct")]


def test_correcting_offers_each_answer() -> None:
    [message] = ask(ActionAskIntakeConfirmed(), {n.AGE_GROUP: "18_64", n.CORRECTING: True})
    assert message["response"] == n.UTTER_ASK_CORRECTION
    assert [b["title"] for b in message["buttons"]] == ["Ikä", "Lähetä"]
