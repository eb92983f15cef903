"""Conversations through the real servers: `rasa run` (REST) + action server.

Every topic is asked in Finnish, Swedish and English and must be answered
with that topic's answer in that language, facts filled in from the
organisation file, and the offer of a person.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict

import pytest
import yaml

from actions.organisation import org_slot_values
from actions.topics import TOPIC_OF_INTENT, answer_response
from tests.bot.chat import Chat
from tests.bot.domain_files import LANGUAGES, render, variant_for

TOPIC_MESSAGES: Dict[str, Dict[str, str]] = yaml.safe_load(
    (Path(__file__).parent / "topic_messages.yml").read_text(encoding="utf-8")
)
SLOTS = org_slot_values()


def expected_text(response: str, language: str) -> str:
    return render(variant_for(response, language)["text"], SLOTS)


def test_topic_messages_cover_every_topic() -> None:
    assert set(TOPIC_MESSAGES) == set(TOPIC_OF_INTENT)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("intent", sorted(TOPIC_OF_INTENT))
def test_topic_is_answered_in_the_residents_language(bot_server: str, intent: str, language: str) -> None:
    reply = Chat(bot_server).say(TOPIC_MESSAGES[intent][language])
    # A message that raises the triage level gets that reply first (tests/bot/test_triage_dialogue.py).
    assert expected_text(answer_response(intent), language) in reply["text"]
    assert "{" not in reply["text"], "an organisation fact was not filled in"
    assert reply["buttons"][-1]["payload"] == "/request_human"


@pytest.mark.parametrize(
    "greeting, language", [("Hei!", "fi"), ("Hej hej", "sv"), ("Hello there", "en")]
)
def test_greeting_shows_privacy_note_and_emergency_number(bot_server: str, greeting: str, language: str) -> None:
    reply = Chat(bot_server).say(greeting)
    assert reply["text"] == expected_text("utter_greet", language)
    assert "112" in reply["text"] and SLOTS["org_privacy_notice_url"] in reply["text"]


def test_resident_can_switch_language_and_it_sticks(bot_server: str) -> None:
    chat = Chat(bot_server)
    assert chat.say("Voitko puhua ruotsia?")["text"] == expected_text("utter_language_switched", "sv")
    reply = chat.say("ok")  # no language evidence: the conversation's language stays
    assert reply["text"] == expected_text("utter_affirm_ack", "sv")


def test_language_follows_the_resident(bot_server: str) -> None:
    chat = Chat(bot_server)
    chat.say("Hello, I have a question")
    reply = chat.say("Miten haen toimeentulotukea, kun rahat loppuivat?")
    # "rahat loppuivat" may be triaged urgent: then the urgent notice comes first, in Finnish too.
    assert expected_text("utter_social_assistance_answer", "fi") in reply["text"]


def test_crisis_message_gets_112_and_crisis_line_first(bot_server: str) -> None:
    reply = Chat(bot_server).say("En jaksa enää elää, mietin itsemurhaa")
    assert reply["text"].startswith("Jos sinä tai joku muu on hengenvaarassa, soita heti hätänumeroon 112")
    assert SLOTS["org_crisis_line_fi"] in reply["text"]


def test_not_understood_asks_which_topic_then_offers_a_person(bot_server: str) -> None:
    chat = Chat(bot_server)
    first = chat.say("blorf kvaak zyxxy")
    assert first["text"] in {expected_text("utter_clarify_topic", "fi"), expected_text("utter_offer_person", "fi")}
    assert first["buttons"][-1]["payload"] == "/request_human"
    if first["text"] == expected_text("utter_clarify_topic", "fi"):
        assert 2 <= len(first["buttons"]) <= 3
        assert all(b["payload"].startswith("/") for b in first["buttons"])
        second = chat.say("plim plom")
        assert second["text"] == expected_text("utter_offer_person", "fi")


def test_clicking_a_clarification_button_answers_that_topic(bot_server: str) -> None:
    chat = Chat(bot_server)
    reply = chat.say("/ask_housing")
    assert reply["text"] == expected_text("utter_housing_answer", "fi")
