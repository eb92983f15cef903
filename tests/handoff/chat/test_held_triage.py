"""Messages the bot does not see (waiting, or with a counsellor) are still triaged.

Real hub (uvicorn), scripted bot channel with its triage-only endpoint, both
databases. The same path through the real trained bot is in
test_end_to_end.py.
"""
from __future__ import annotations

import asyncio
import logging

import pytest
from sqlalchemy import select

from handoff.models import Conversation, Handoff, Message, User
from handoff.queue import claim, queued
from tests.handoff.chat.test_handoff import fake_bot, handoff_payload, make_available, open_hub, scripted  # noqa: F401
from tests.handoff.chathub import Resident
from tests.handoff.liveserver import login

pytestmark = pytest.mark.asyncio
EMERGENCY = "Jag orkar inte mer, jag tänker ta livet av mig i natt"


def triage_by_text(text: str) -> dict:
    if text == EMERGENCY:
        return {"level": "emergency", "markers": ["suicidal_ideation"], "language": "sv"}
    return {"level": "none", "markers": [], "language": None}


async def wait_for(condition, timeout: float = 15.0) -> None:
    for _ in range(int(timeout * 10)):
        if await condition():
            return
        await asyncio.sleep(0.1)
    raise AssertionError("condition not met in time")


async def test_a_waiting_resident_writing_an_emergency_is_raised_and_told_112_first(
        database_url, sessionmaker, fake_bot, tmp_path):
    username = await add_counsellor(sessionmaker)
    fake_bot.reply = scripted(handoff_payload(level="support"))
    fake_bot.triage = triage_by_text
    async with await open_hub(database_url, fake_bot, tmp_path) as (base_url, _app):
        other, _ = await waiting_resident(base_url)  # an earlier support conversation, first in the queue
        resident, session_id = await waiting_resident(base_url)
        calls = len(fake_bot.calls)
        held = await resident.say(EMERGENCY)
        told = await resident.wait(
            "bot_uttered", lambda m: (m.get("neuvo") or {}).get("event") == "emergency")
        assert told["text"].startswith("Om du är i fara nu, ring genast 112.")
        assert "förtur i kön" in told["text"]
        assert len(fake_bot.calls) == calls  # the dialogue still does not see it
        assert fake_bot.triage_calls[-1] == EMERGENCY
        async with sessionmaker() as session:
            handoff = await session.scalar(select(Handoff).where(Handoff.conversation_id == session_id))
            assert (handoff.level, handoff.markers) == ("emergency", ["asks_for_person", "suicidal_ideation"])
            assert (await session.get(Conversation, session_id)).triage_level == "emergency"
            message = await session.get(Message, held["id"])
            assert (message.relay_status, message.payload["triage"]) == (
                "held", {"level": "emergency", "markers": ["suicidal_ideation"]})
            assert [h.conversation_id for h in await queued(session)][0] == session_id  # ahead of the other
        console = await login(base_url, username)
        snapshot = (await console.get("/console/api/queue")).json()
        await console.aclose()
        first = snapshot["queue"][0]
        assert (first["conversation_id"], first["level"], first["markers"]) == (
            session_id, "emergency", ["asks_for_person", "suicidal_ideation"])
        await resident.say("Hej?")  # level "none" never lowers it
        await wait_for(lambda: triaged(sessionmaker, session_id, 2))
        async with sessionmaker() as session:
            assert (await session.scalar(select(Handoff.level).where(Handoff.conversation_id == session_id))) \
                == "emergency"
        await resident.close()
        await other.close()


async def test_triage_failure_keeps_the_message_for_the_counsellor_and_is_retried(
        database_url, sessionmaker, fake_bot, tmp_path, caplog):
    await add_counsellor(sessionmaker)
    fake_bot.reply = scripted(handoff_payload(level="support"))
    fake_bot.triage = triage_by_text
    async with await open_hub(database_url, fake_bot, tmp_path) as (base_url, _app):
        resident, session_id = await waiting_resident(base_url)
        async with sessionmaker.begin() as session:  # a counsellor takes it
            handoff = await session.scalar(select(Handoff).where(Handoff.conversation_id == session_id))
            await claim(session, handoff_id=handoff.id, counsellor_id=1)
        fake_bot.triage_status = 503
        with caplog.at_level(logging.WARNING, logger="neuvo.hub.triage"):
            held = await resident.say(EMERGENCY)
            await wait_for(lambda: failures_counted(sessionmaker, held["id"]))
        async with sessionmaker() as session:
            message = await session.get(Message, held["id"])
            assert (message.text, message.relay_status) == (EMERGENCY, "held")  # kept for the counsellor
        assert "triage of a held message failed" in caplog.text and EMERGENCY not in caplog.text
        assert "ta livet" not in caplog.text
        fake_bot.triage_status = None  # the bot is back: the retry loop triages it
        told = await resident.wait(
            "bot_uttered", lambda m: (m.get("neuvo") or {}).get("event") == "emergency", timeout=20)
        assert told["text"].startswith("Om du är i fara nu, ring genast 112.")
        assert told["text"].endswith("Socialhandledaren ser ditt meddelande.")
        async with sessionmaker() as session:
            handoff = await session.scalar(select(Handoff).where(Handoff.conversation_id == session_id))
            assert (handoff.status, handoff.level) == ("claimed", "emergency")
        await resident.close()


# --- helpers --------------------------------------------------------------------

async def add_counsellor(sessionmaker) -> str:
    await make_available(sessionmaker)
    async with sessionmaker() as session:
        return await session.scalar(select(User.username).where(User.available.is_(True)))


async def triaged(sessionmaker, conversation_id: str, count: int) -> bool:
    async with sessionmaker() as session:
        rows = await session.scalars(select(Message).where(
            Message.conversation_id == conversation_id, Message.relay_status == "held"))
        return len([m for m in rows if "triage" in (m.payload or {})]) >= count


async def failures_counted(sessionmaker, message_id: int) -> bool:
    async with sessionmaker() as session:
        message = await session.get(Message, message_id)
        return bool((message.payload or {}).get("triage_failures"))


async def waiting_resident(base_url: str) -> tuple[Resident, str]:
    """A resident who asked for a person and now waits in the queue."""
    resident = Resident(base_url)
    session_id = await resident.connect()
    await resident.say("Haluan ihmisen")
    await resident.wait("bot_uttered", lambda m: (m.get("neuvo") or {}).get("event") == "queued")
    return resident, session_id
