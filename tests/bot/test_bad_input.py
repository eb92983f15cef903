"""Odd input gets a sensible reply, never an error or silence."""
from __future__ import annotations

import pytest

from actions.organisation import org_slot_values
from tests.bot.chat import Chat
from tests.bot.domain_files import render, variant_for

SLOTS = org_slot_values()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "😀😀😀",
        "🙏",
        "???",
        "<script>alert('x')</script>",
        "<b>Tarvitsen apua</b> <img src=x onerror=alert(1)> vuokran kanssa",
        "Hei, I need help with toimeentulotuki, jag förstår inte",
        "asunto " * 1500 + "häätö",
        "Minulla on vuokrarästejä. " * 400,
        "ääää\x00\x07 mitä",
    ],
    ids=["empty", "spaces", "emoji", "one-emoji", "signs", "script", "html", "mixed-languages",
         "10k-repeated-word", "10k-sentences", "control-chars"],
)
def test_every_odd_message_gets_a_reply(bot_server: str, text: str) -> None:
    replies = Chat(bot_server).send(text)
    assert replies and all(r.get("text") for r in replies)
    assert not any("<script" in r["text"] or "onerror" in r["text"] for r in replies)


def test_unsupported_language_gets_a_reply_in_all_three(bot_server: str) -> None:
    reply = Chat(bot_server).say("Hallo, ich brauche Hilfe mit meiner Wohnung und dem Geld")
    assert reply["text"] == render(variant_for("utter_unsupported_language", "fi")["text"], SLOTS)


def test_a_long_message_is_still_understood(bot_server: str) -> None:
    text = ("Olen yrittänyt pärjätä yksin pitkään. " * 30) + "Minulla on vuokrarästejä ja vuokranantaja uhkaa häädöllä ensi kuussa."
    reply = Chat(bot_server).say(text[:10000])
    assert reply.get("text")
