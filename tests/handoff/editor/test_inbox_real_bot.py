"""The inbox fed by the real trained bot: the channel's NLU outcome decides, the hub stores redacted text.

Rasa and the action server run from .venv as `neuvo run` starts them
(tests/handoff/realbot.py); the hub runs as served.
"""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import select

from handoff.models import InboxItem
from tests.handoff.chathub import ALWAYS_OPEN, Resident, chat_settings, running_chat_hub
from tests.handoff.realbot import start_real_bot

pytestmark = pytest.mark.asyncio

# Vague on purpose (no topic words), with a name and an address in it.
VAGUE = "Nimeni on Matti Virtanen, Kauppakatu 3, se juttu siitä toisesta asiasta viime kerralla"
CLEAR = "Miten haen toimeentulotukea?"


@pytest.fixture(scope="module")
def real_bot(tmp_path_factory):
    yield from start_real_bot(tmp_path_factory.mktemp("real-bot-inbox"))


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_unclear_messages_reach_the_inbox_redacted_and_clear_ones_do_not(
        real_bot, database_url, sessionmaker, tmp_path: Path) -> None:
    organisation = tmp_path / "organisation.yml"
    organisation.write_text(ALWAYS_OPEN, encoding="utf-8")
    settings = chat_settings(database_url, real_bot.rasa_url, organisation, rasa_timeout_seconds=8.0)
    async with running_chat_hub(settings) as (base_url, _app):
        resident = Resident(base_url)
        await resident.connect()
        for text in (CLEAR, VAGUE):
            ack = await resident.say(text)
            await resident.wait("bot_uttered", lambda m, seq=ack["seq"]: m["seq"] > seq, timeout=60)
        await resident.close()
        await asyncio.sleep(0.5)
    async with sessionmaker() as session:
        items = list(await session.scalars(select(InboxItem)))
    assert [item.text for item in items] == [
        "Nimeni on [nimi], [osoite], se juttu siitä toisesta asiasta viime kerralla"]
    assert items[0].fell_back or items[0].confidence < 0.5
    assert items[0].language == "fi" and items[0].intent
