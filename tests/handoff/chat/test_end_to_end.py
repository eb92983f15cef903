"""Resident → hub → real Rasa (trained model, action server) → resident, over socket.io."""
from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from handoff.models import Handoff, Message
from handoff.queue import queued
from tests.handoff.chat.test_handoff import make_available
from tests.handoff.chathub import ALWAYS_OPEN, Resident, chat_settings, running_chat_hub
from tests.handoff.liveserver import free_port

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]
HOUSING = "Minulla on kahden kuukauden vuokrarästit ja vuokranantaja uhkaa häädöllä. Mistä saan asumisneuvontaa?"


class Switch:
    """A TCP proxy in front of Rasa that can be switched off (connection refused) and on."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = free_port()
        self.server: asyncio.AbstractServer | None = None
        self.writers: set[asyncio.StreamWriter] = set()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(Exception):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        with contextlib.suppress(Exception):
            writer.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        self.writers |= {writer, up_writer}
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))

    async def on(self) -> None:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)

    async def off(self) -> None:
        if self.server is not None:
            self.server.close()  # no wait_closed(): it would wait for pooled keep-alive connections
            self.server = None
        for writer in self.writers:
            writer.close()
        self.writers.clear()


@pytest.fixture
def organisation(tmp_path: Path) -> Path:
    path = tmp_path / "organisation.yml"
    path.write_text(ALWAYS_OPEN, encoding="utf-8")
    return path


def tracker_texts(real_bot, sender: str) -> list[str]:
    texts = []
    for db in Path(real_bot.log_dir).glob("rasa-tracker-*.db"):
        with sqlite3.connect(db) as conn:
            rows = conn.execute("select data from events where sender_id = ? and type_name = 'user'", (sender,))
            texts += [json.loads(data).get("text") or "" for (data,) in rows]
    return texts


@pytest.mark.parametrize("database_url", ["sqlite", "postgresql"], indirect=True)
async def test_a_resident_talks_to_the_real_bot_through_the_hub(real_bot, database_url, sessionmaker, organisation):
    settings = chat_settings(database_url, real_bot.rasa_url, organisation, rasa_timeout_seconds=8.0)
    async with running_chat_hub(settings) as (base_url, _app):
        resident = Resident(base_url)
        session_id = await resident.connect()
        await resident.say("Hei")
        greeting = await resident.wait("bot_uttered", timeout=30)
        assert greeting["sender"] == "bot" and greeting["text"]
        await resident.say(HOUSING, client_msg_id="housing")
        await resident.client.emit("user_uttered", {"message": HOUSING, "neuvo": {"client_msg_id": "housing"}})
        with_buttons = await resident.wait("bot_uttered", lambda m: m.get("quick_replies"), timeout=30)
        button = with_buttons["quick_replies"][0]
        assert set(button) == {"content_type", "title", "payload"}
        secret = "Hetuni on 131052-308T ja numeroni 040 123 4567"
        await resident.say(secret)
        await resident.wait("bot_uttered", lambda m: m["seq"] > with_buttons["seq"], timeout=30)
        await resident.close()
    async with sessionmaker() as session:
        rows = list(await session.scalars(
            select(Message).where(Message.conversation_id == session_id).order_by(Message.seq)))
    resident_texts = [m.text for m in rows if m.sender == "resident"]
    assert resident_texts == ["Hei", HOUSING, secret]  # the retry was stored once; the hub keeps the original
    stored_by_rasa = tracker_texts(real_bot, session_id)
    assert stored_by_rasa.count(HOUSING) == 1  # answered once
    assert "131052-308T" not in " ".join(stored_by_rasa) and "040 123 4567" not in " ".join(stored_by_rasa)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_rasa_down_honest_message_within_10_s_then_processed_once(real_bot, database_url, sessionmaker,
                                                                        organisation):
    switch = Switch(real_bot.rasa_port)
    settings = chat_settings(database_url, f"http://127.0.0.1:{switch.port}", organisation, rasa_timeout_seconds=8.0)
    async with running_chat_hub(settings) as (base_url, _app):
        resident = Resident(base_url)
        session_id = await resident.connect()
        started = time.monotonic()
        await resident.say("Hei, tarvitsen neuvoa toimeentulotuesta")
        notice = await resident.wait("bot_uttered", timeout=10)
        assert time.monotonic() - started < 10
        assert notice["sender"] == "system" and "112" in notice["text"] and "03 555 0100" in notice["text"]
        await switch.on()
        try:
            answer = await resident.wait("bot_uttered", lambda m: m["sender"] == "bot", timeout=30)
            assert answer["text"]
            await asyncio.sleep(3)  # a further retry round changes nothing
        finally:
            await switch.off()
        await resident.close()
    assert tracker_texts(real_bot, session_id) == ["Hei, tarvitsen neuvoa toimeentulotuesta"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_an_emergency_typed_while_waiting_is_triaged_by_the_real_bot(real_bot, database_url, sessionmaker,
                                                                          organisation):
    """The bot does not see a waiting resident's messages, but its model still triages them."""
    await make_available(sessionmaker)
    settings = chat_settings(database_url, real_bot.rasa_url, organisation, rasa_timeout_seconds=8.0)
    async with running_chat_hub(settings) as (base_url, _app):
        resident = Resident(base_url)
        session_id = await resident.connect()
        await resident.say("Haluan puhua ihmisen kanssa")
        await resident.wait("bot_uttered", lambda m: m["sender"] == "bot", timeout=30)
        await resident.say("lopeta")
        queued_notice = await resident.wait(
            "bot_uttered", lambda m: (m.get("neuvo") or {}).get("event") == "queued", timeout=30)
        async with sessionmaker() as session:
            before = await session.scalar(select(Handoff).where(Handoff.conversation_id == session_id))
            assert before.level != "emergency"
        held = await resident.say("En jaksa enää elää, aion tappaa itseni tänä yönä")
        first = await resident.wait("bot_uttered", lambda m: m["seq"] > held["seq"], timeout=30)
        assert first["sender"] == "system" and first["neuvo"]["event"] == "emergency"
        assert first["text"].startswith("Jos olet nyt vaarassa, soita heti 112. Kriisipuhelin päivystää numerossa")
        assert first["seq"] > queued_notice["seq"]
        await resident.close()
    async with sessionmaker() as session:
        handoff = await session.scalar(select(Handoff).where(Handoff.conversation_id == session_id))
        waiting = await queued(session)
        held_message = await session.get(Message, held["id"])
    assert handoff.status == "queued" and handoff.level == "emergency"
    assert "suicidal_ideation" in handoff.markers and handoff.markers[0] in before.markers
    assert waiting[0].conversation_id == session_id
    assert held_message.relay_status == "held"  # the dialogue never saw it
    assert "tappaa" not in " ".join(tracker_texts(real_bot, session_id))
