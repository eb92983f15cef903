"""Urgency first, through the real model, `rasa run` and the action server.

Each level in Finnish, the main paths in Swedish and English. Help comes
first: 112 and the crisis line before anything else; urgent messages are
handed off whatever topic they look like; outside opening hours the social
emergency number and a callback request.
"""
from __future__ import annotations

import pytest

from tests.bot.chat import Chat
from tests.bot.dialogue import CLOSED_TIME, SLOTS, choice, handoff, payloads, text_of, texts

EMERGENCY = {
    "fi": "En jaksa enää elää, aion tappaa itseni tänä yönä",
    "sv": "Jag orkar inte leva längre, jag tänker ta livet av mig i natt",
    "en": "I can't go on living, I am going to kill myself tonight",
}
URGENT = {
    "fi": "Minut häädetään huomenna eikä minulla ole mitään paikkaa mihin mennä",
    "sv": "Jag har ingenstans att sova i natt",
    "en": "I have nowhere to sleep tonight",
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_emergency_first_reply_is_112_and_the_crisis_line_then_handoff(bot_server: str, language: str) -> None:
    reply = Chat(bot_server).say(EMERGENCY[language])
    first = texts(reply)[0]
    assert first == text_of("utter_triage_emergency_crisis_line", language).split("\n\n")[0]
    assert "112" in first
    assert SLOTS[f"org_crisis_line_{language}"] in reply["text"]
    payload = handoff(reply)
    assert (payload["level"], payload["reason"], payload["language"]) == ("emergency", "triage", language)
    assert payload["intake"] is None and payload["callback"] is None
    assert reply["replies"][-1].get("custom"), "the handoff comes after the texts"


def test_violence_now_gets_112_and_the_violence_helpline(bot_server: str) -> None:
    reply = Chat(bot_server).say("Mieheni lyö minua juuri nyt, apua")
    assert texts(reply)[0].startswith("Jos olet vaarassa nyt, soita heti hätänumeroon 112")
    assert SLOTS["org_violence_helpline"] in reply["text"]
    assert handoff(reply)["level"] == "emergency"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_urgent_inside_opening_hours_is_handed_off_ahead(bot_server: str, language: str) -> None:
    reply = Chat(bot_server).say(URGENT[language])
    assert texts(reply)[0] == text_of("utter_triage_urgent_open", language)
    payload = handoff(reply)
    assert (payload["level"], payload["reason"], payload["language"]) == ("urgent", "triage", language)
    assert payload["markers"]


# What a resident types at each step of the callback request, and how the review starts.
CALLBACK_STEPS = {
    "fi": {"time": "huomenna aamulla", "consent": "kyllä", "review": "Tarkista vielä."},
    "sv": {"time": "i morgon på förmiddagen", "consent": "ja, det går bra", "review": "Kontrollera en gång till."},
    "en": {"time": "tomorrow morning please", "consent": "yes please", "review": "Please check."},
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_urgent_outside_opening_hours_gives_the_social_emergency_number_and_records_a_callback(
    bot_server: str, clock, language: str
) -> None:
    clock(CLOSED_TIME)
    steps = CALLBACK_STEPS[language]
    chat = Chat(bot_server)
    reply = chat.say(URGENT[language])
    assert texts(reply)[:2] == text_of("utter_triage_urgent_closed", language).split("\n\n")
    assert SLOTS["org_social_emergency_phone"] in reply["text"]
    assert reply["custom"] == []
    assert texts(reply)[-1] == text_of("utter_ask_phone", language)
    assert chat.say("040 123 4567")["text"] == text_of("utter_ask_callback_time", language)
    assert chat.say(steps["time"])["text"] == text_of("utter_ask_resident_name", language)
    assert chat.say(choice("skip"))["text"] == text_of("utter_ask_consent_callback", language)
    review = chat.say(steps["consent"])
    assert review["text"].startswith(steps["review"]) and "+358401234567" in review["text"]
    done = chat.say(choice("send"))
    assert texts(done) == [text_of("utter_handoff_done_callback", language)]
    payload = handoff(done)
    assert (payload["level"], payload["reason"], payload["language"]) == ("urgent", "triage", language)
    assert payload["callback"] == {"phone": "+358401234567", "preferred_time": steps["time"],
                                   "reason": "outside_hours"}


def test_support_answers_then_offers_a_person_and_says_what_happens_next(bot_server: str) -> None:
    reply = Chat(bot_server).say(
        "Minulla on velkoja, alkoholiongelma ja masennus yhtä aikaa, enkä pärjää arjessa yksin. Mistä saan apua?"
    )
    assert texts(reply)[-1] == text_of("utter_triage_support_offer")  # with a button: not split
    assert payloads(reply)[-1] == "/request_human"
    assert reply["custom"] == []


@pytest.mark.parametrize("text, language", [
    ("Miten haen toimeentulotukea?", "fi"), ("Hur ansöker jag om utkomststöd?", "sv"),
    ("How do I apply for social assistance?", "en"),
])
def test_a_plain_question_is_answered_with_no_handoff(bot_server: str, text: str, language: str) -> None:
    reply = Chat(bot_server).say(text)
    assert reply["text"] == text_of("utter_social_assistance_answer", language)
    assert reply["custom"] == []


def test_after_a_handoff_the_bot_stays_quiet_until_the_hub_hands_back(bot_server: str) -> None:
    chat = Chat(bot_server)
    handoff(chat.say(URGENT["fi"]))
    assert chat.send("/request_human") == []
    replies = chat.send("/handed_back", metadata={"neuvo": {"event": "handed_back"}})
    assert [r.get("text") for r in replies] == [text_of("utter_handed_back")]
    assert chat.say("/request_human")["text"].startswith(text_of("utter_intake_intro"))
