"""The intake form through the real servers: one question at a time, bad input
re-asked with an example, routing, stopping, correcting, consent per purpose.
"""
from __future__ import annotations

from actions.organisation import org_slot_values
from tests.bot.chat import Chat
from tests.bot.dialogue import choice, handoff, payloads, text_of, texts

MUNICIPALITIES = org_slot_values()["org_municipalities"].split(", ")


def start(chat: Chat, language: str = "fi") -> dict:
    reply = chat.say("/request_human")
    assert texts(reply)[0] == text_of("utter_intake_intro", language)
    assert texts(reply)[-1] == text_of("utter_ask_age_group", language)
    return reply


def ask(reply: dict, question: str, language: str = "fi") -> None:
    assert texts(reply)[-1] == text_of(f"utter_ask_{question}", language), reply["text"]


def test_every_question_refuses_bad_input_then_the_resident_corrects_and_confirms(bot_server: str) -> None:
    """Finnish, every slot: a bad answer first, the re-ask with an example, then a good one."""
    chat = Chat(bot_server)
    start(chat)
    steps = [
        # (bad answer, its re-ask, good answer, next question)
        ("ääsdf", "utter_intake_bad_age_group", "34", "municipality"),
        ("1510", "utter_intake_bad_municipality", "asun Lahdessa", "minors_in_household"),
        ("ehkä", "utter_intake_bad_yes_no", "ei", "need_areas"),
    ]
    for bad, reask, good, question in steps:
        reply = chat.say(bad)
        assert texts(reply) == [text_of(reask), texts(reply)[-1]]
        ask(chat.say(good), question)
    # Asking for a person again mid-form is no answer: the question is asked again.
    assert texts(chat.say("/request_human"))[0] == text_of("utter_intake_bad_need_areas")
    assert texts(chat.say("ääsdf"))[0] == text_of("utter_intake_bad_need_areas")
    reply = chat.say(choice("housing"))
    assert texts(reply) == [text_of("utter_intake_need_areas_more")]
    assert choice("housing") not in payloads(reply) and choice("done") in payloads(reply)
    chat.say("velat")
    ask(chat.say(choice("done")), "resident_urgent")
    assert texts(chat.say("ääsdf"))[0] == text_of("utter_intake_bad_yes_no")
    ask(chat.say("ei"), "daily_coping")
    assert texts(chat.say("7"))[0] == text_of("utter_intake_bad_daily_coping")
    ask(chat.say("2"), "named_worker")
    assert texts(chat.say("ääsdf"))[0] == text_of("utter_intake_bad_yes_no")
    ask(chat.say("en tiedä"), "contact_preference")
    assert texts(chat.say("ääsdf"))[0] == text_of("utter_intake_bad_contact_preference")
    ask(chat.say(choice("phone")), "phone")
    assert texts(chat.say("+46 70 123 45 67"))[0] == text_of("utter_intake_bad_foreign_phone")
    assert texts(chat.say("12345"))[0] == text_of("utter_intake_bad_phone")
    ask(chat.say("040-123 4567"), "callback_time")
    assert texts(chat.say("ääsdf"))[0] == text_of("utter_intake_bad_callback_time")
    ask(chat.say(choice("afternoon")), "resident_name")
    assert texts(chat.say("12345"))[0] == text_of("utter_intake_bad_name")
    ask(chat.say("Liisa"), "consent_share")
    assert texts(chat.say("ääsdf"))[0] == text_of("utter_intake_bad_consent")
    ask(chat.say("kyllä"), "consent_callback")
    review = chat.say("ei")
    assert review["text"].startswith("Tarkista vielä.")
    assert "Kunta: Lahti" in review["text"] and "Puhelin: +358401234567" in review["text"]
    assert "asiakkuus" not in review["text"] and "sosiaalityöntekijä" not in review["text"].lower()
    assert payloads(review) == [choice("send"), choice("correct")]
    assert texts(chat.say("ääsdf"))[0] == text_of("utter_intake_bad_confirm")
    menu = chat.say(choice("correct"))
    assert texts(menu) == [text_of("utter_intake_ask_correction")]
    ask(chat.say(choice("fix:municipality")), "municipality")
    review = chat.say("16300")
    assert "Kunta: Orimattila" in review["text"]
    done = chat.say(choice("send"))
    assert texts(done) == [text_of("utter_handoff_done")]
    payload = handoff(done)
    assert (payload["reason"], payload["language"], payload["level"]) == ("resident_request", "fi", "support")
    assert payload["callback"] is None  # no consent to call back
    record = payload["intake"]
    assert record["consent"] == {"pass_to_counsellor": True, "call_back": False}
    assert record["municipality"] == "Orimattila" and record["postal_code"] == "16300"
    assert record["need_areas"] == ["money_and_debts", "housing"] and record["daily_coping"] == 2
    assert record["phone"] == "+358401234567" and record["name"] == "Liisa"
    assert record["suggested_segment"] == "yhteistyoasiakkuus"


def test_under_18_is_guided_to_family_services_and_can_stop(bot_server: str) -> None:
    chat = Chat(bot_server)
    start(chat)
    reply = chat.say("16")
    assert texts(reply)[0] == text_of("utter_intake_route_minor")
    ask(reply, "municipality")
    assert [b["title"] for b in reply["buttons"]][:len(MUNICIPALITIES)] == MUNICIPALITIES
    stopped = chat.say("en halua vastata")
    assert texts(stopped)[0] == text_of("utter_intake_stopped")
    payload = handoff(stopped)
    assert payload["intake"] is None and payload["reason"] == "resident_request"


def test_over_64_minors_and_another_municipality_are_guided(bot_server: str) -> None:
    chat = Chat(bot_server)
    start(chat)
    assert texts(chat.say("72"))[0] == text_of("utter_intake_route_elderly")
    assert texts(chat.say("Tampere"))[0] == text_of("utter_intake_route_outside")
    reply = chat.say(choice("yes"))
    assert texts(reply)[0] == text_of("utter_intake_route_family")
    ask(reply, "need_areas")
    for _ in range(5):
        reply = chat.say(choice("skip"))
        if texts(reply)[-1] == text_of("utter_ask_resident_name"):
            break
    ask(reply, "resident_name")
    chat.say(choice("skip"))
    review = chat.say(choice("yes"))
    payload = handoff(chat.say(choice("send")))
    record = payload["intake"]
    assert record["routed_to"] == ["family_services", "elderly_services", "other_county"]
    assert record["consent"] == {"pass_to_counsellor": True, "call_back": None}
    assert review["text"].startswith("Tarkista vielä.")


def test_an_emergency_during_the_form_gets_help_first(bot_server: str) -> None:
    chat = Chat(bot_server)
    start(chat)
    chat.say("34")
    reply = chat.say("en jaksa enää, aion tappaa itseni tänään")
    assert texts(reply)[0] == text_of("utter_triage_emergency_crisis_line").split("\n\n")[0]
    assert handoff(reply)["level"] == "emergency"
    assert text_of("utter_ask_minors_in_household") not in reply["text"]


def test_swedish_resident_asks_for_a_person_and_stops(bot_server: str) -> None:
    chat = Chat(bot_server)
    reply = chat.say("Jag vill prata med en person")
    assert texts(reply)[0] == text_of("utter_intake_intro", "sv")
    ask(reply, "age_group", "sv")
    stopped = chat.say("sluta")
    assert texts(stopped)[0] == text_of("utter_intake_stopped", "sv")
    assert handoff(stopped)["language"] == "sv"


def test_english_resident_requests_a_callback_with_consent(bot_server: str) -> None:
    chat = Chat(bot_server)
    reply = chat.say("Can someone call me back please?")
    assert texts(reply)[0] == text_of("utter_intake_intro_callback", "en")
    ask(reply, "phone", "en")
    ask(chat.say("+358 50 765 4321"), "callback_time", "en")
    ask(chat.say("in the afternoon"), "resident_name", "en")
    ask(chat.say("Sam"), "consent_callback", "en")
    review = chat.say("yes")
    assert review["text"].startswith("Please check.")
    done = chat.say(choice("send"))
    assert texts(done) == [text_of("utter_handoff_done_callback", "en")]
    payload = handoff(done)
    assert (payload["reason"], payload["language"]) == ("callback_request", "en")
    assert payload["callback"] == {"phone": "+358507654321", "preferred_time": "in the afternoon",
                                   "reason": "resident_choice"}
    assert payload["intake"] is None  # no consent asked to pass the details on


def test_an_earlier_answer_is_corrected_mid_form_and_the_questions_go_on(bot_server: str) -> None:
    chat = Chat(bot_server)
    start(chat)
    ask(chat.say("34"), "municipality")
    ask(chat.say("Lahti"), "minors_in_household")
    reply = chat.say("muuta kunta, asun Hollolassa")
    assert texts(reply) == [text_of("utter_intake_corrected", corrected="Kunta: Hollola"),
                            text_of("utter_ask_minors_in_household")]
    reply = chat.say("korjaan: ikäni on 70")
    assert texts(reply)[:2] == [text_of("utter_intake_corrected", corrected="Ikä: 65 tai yli"),
                                text_of("utter_intake_route_elderly")]
    ask(reply, "minors_in_household")
    ask(chat.say("ei"), "need_areas")
    for _ in range(6):
        reply = chat.say(choice("skip"))
        if texts(reply)[-1] == text_of("utter_ask_resident_name"):
            break
    ask(reply, "resident_name")
    ask(chat.say(choice("skip")), "consent_share")
    review = chat.say("kyllä")
    assert "Kunta: Hollola" in review["text"] and "Ikä: 65 tai yli" in review["text"]
    record = handoff(chat.say(choice("send")))["intake"]
    assert (record["municipality"], record["age_group"]) == ("Hollola", "65_plus")
    assert record["routed_to"] == ["elderly_services"]


def test_english_i_meant_corrects_the_municipality(bot_server: str) -> None:
    chat = Chat(bot_server)
    ask(chat.say("I want to talk to a person"), "age_group", "en")
    ask(chat.say("40"), "municipality", "en")
    ask(chat.say("Lahti"), "minors_in_household", "en")
    reply = chat.say("Sorry, I meant Heinola")
    assert texts(reply) == [text_of("utter_intake_corrected", "en", corrected="Municipality: Heinola"),
                            text_of("utter_ask_minors_in_household", "en")]
