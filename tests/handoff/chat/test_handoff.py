"""Ownership and honesty: the bot's handoff payload queues the conversation or records
or offers a callback with its reason; the bot is silent while a person owns the chat;
hand-back returns it to the bot. Real hub (uvicorn), scripted bot channel, both databases."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

import pytest
import pytest_asyncio
from sqlalchemy import select, update

from handoff.botlink.handback import hand_back
from handoff.models import Callback, Conversation, Handoff, Message, User
from tests.handoff.chathub import ALWAYS_OPEN, NEVER_OPEN, FakeBot, Resident, chat_settings, running_chat_hub
from tests.handoff.liveserver import add_user

pytestmark = pytest.mark.asyncio


def handoff_payload(level: str = "urgent", reason: str = "resident_request",
                    callback: Optional[dict[str, Any]] = None) -> dict[str, Any]:
    return {"custom": {"neuvo": {"event": "handoff", "level": level, "markers": ["asks_for_person"],
                                 "reason": reason, "language": "fi", "intake": {"topic": "asuminen"},
                                 "callback": callback}}}


def scripted(payload: dict[str, Any]):
    def reply(text: str) -> list[dict[str, Any]]:
        if text == "Haluan ihmisen":
            return [{"text": "Välitän sinut sosiaaliohjaajalle."}, payload]
        return [{"text": f"Vastaus: {text}"}]
    return reply


@pytest_asyncio.fixture
async def fake_bot():
    bot = FakeBot()
    await bot.start()
    yield bot
    await bot.stop()


async def open_hub(database_url: str, bot: FakeBot, tmp_path: Path, hours: str = ALWAYS_OPEN, **overrides):
    organisation = tmp_path / "organisation.yml"
    organisation.write_text(hours, encoding="utf-8")
    return running_chat_hub(chat_settings(database_url, bot.url, organisation, **overrides))


async def make_available(sessionmaker) -> None:
    await add_user(sessionmaker, "counsellor")
    async with sessionmaker.begin() as session:
        await session.execute(update(User).values(available=True))


async def test_handoff_queues_bot_goes_silent_and_hand_back_returns_it(database_url, sessionmaker, fake_bot, tmp_path):
    await make_available(sessionmaker)
    fake_bot.reply = scripted(handoff_payload())
    async with await open_hub(database_url, fake_bot, tmp_path) as (base_url, app):
        resident = Resident(base_url)
        session_id = await resident.connect()
        await resident.say("Haluan ihmisen")
        told = await resident.wait("bot_uttered", lambda m: m["sender"] == "system")
        assert "jonossa 1" in told["text"] and "minuuttia" in told["text"]
        assert told["neuvo"]["event"] == "queued"
        async with sessionmaker() as session:
            handoff = await session.scalar(select(Handoff).where(Handoff.conversation_id == session_id))
            assert (handoff.status, handoff.level, handoff.intake) == ("queued", "urgent", {"topic": "asuminen"})
            assert (await session.get(Conversation, session_id)).owner == "waiting"
        calls = len(fake_bot.calls)
        held = await resident.say("Odotan")
        await resident.client.emit("neuvo_resume", {"after_seq": 0})
        await resident.wait("neuvo_history", count=2)
        assert len(fake_bot.calls) == calls  # the bot stays silent while a person is due
        async with sessionmaker() as session:
            assert (await session.get(Message, held["id"])).relay_status == "held"
        async with sessionmaker.begin() as session:
            await session.execute(update(Handoff).values(status="closed", outcome="advice_given"))
        await hand_back(app, session_id)
        back = await resident.wait("bot_uttered", lambda m: (m.get("neuvo") or {}).get("event") == "handed_back")
        assert "Neuvo-avustajan" in back["text"]
        assert fake_bot.calls[-1]["event"] == "handback"
        await resident.say("Vielä yksi kysymys")
        answer = await resident.wait("bot_uttered", lambda m: m["text"] == "Vastaus: Vielä yksi kysymys")
        assert answer["sender"] == "bot"
        await hand_back(app, session_id)  # already the bot's: nothing changes
        await resident.close()


async def test_outside_hours_the_resident_is_offered_a_callback_and_its_reason_is_recorded(
        database_url, sessionmaker, fake_bot, tmp_path):
    fake_bot.reply = scripted(handoff_payload())
    async with await open_hub(database_url, fake_bot, tmp_path, hours=NEVER_OPEN) as (base_url, _app):
        resident = Resident(base_url)
        session_id = await resident.connect()
        await resident.say("Haluan ihmisen")
        offer = await resident.wait("bot_uttered", lambda m: m["sender"] == "system")
        assert offer["neuvo"] == {"event": "callback_offer", "callback_reason": "outside_hours"}
        assert "soittopyynnön" in offer["text"] and "03 555 0100" in offer["text"]
        await resident.client.emit("neuvo_callback", {"phone": "abc", "consent": True})
        assert (await resident.wait("neuvo_error"))["code"] == "invalid_phone"
        await resident.client.emit("neuvo_callback", {"phone": "040 765 4321", "consent": False})
        assert (await resident.wait("neuvo_error", count=2))["code"] == "consent_required"
        form = {"phone": "040 765 4321", "preferred_time": "aamupäivä", "consent": True,
                "reason": "outside_hours", "client_msg_id": "cb1"}
        await resident.client.emit("neuvo_callback", form)
        await resident.client.emit("neuvo_callback", form)  # a retry: recorded once
        recorded = await resident.wait("bot_uttered", lambda m: (m.get("neuvo") or {}).get("event") == "callback_recorded")
        assert "Soittopyyntösi on kirjattu" in recorded["text"]
        await resident.wait("neuvo_callback_ok", count=2)
        await resident.close()
    async with sessionmaker() as session:
        callbacks = list(await session.scalars(select(Callback).where(Callback.conversation_id == session_id)))
        assert len(callbacks) == 1
        assert (callbacks[0].phone, callbacks[0].reason, callbacks[0].preferred_time) == (
            "040 765 4321", "outside_hours", "aamupäivä")
        assert callbacks[0].consent_at is not None and callbacks[0].level == "urgent"
        assert await session.scalar(select(Handoff).where(Handoff.conversation_id == session_id)) is None


async def test_an_emergency_gets_112_first_even_when_nobody_is_available(database_url, sessionmaker, fake_bot, tmp_path):
    fake_bot.reply = scripted(handoff_payload(level="emergency", reason="triage"))
    async with await open_hub(database_url, fake_bot, tmp_path) as (base_url, _app):
        resident = Resident(base_url)
        await resident.connect()
        await resident.say("Haluan ihmisen")
        told = await resident.wait("bot_uttered", lambda m: m["sender"] == "system")
        assert told["text"].startswith("Jos olet nyt vaarassa, soita heti 112. Kriisipuhelin päivystää numerossa 09 2525 0111.")
        assert told["neuvo"]["callback_reason"] == "nobody_available"
        await resident.close()


async def test_the_crisis_text_goes_out_before_the_queue_and_a_failed_handoff_is_finished_once(
        database_url, sessionmaker, fake_bot, tmp_path, monkeypatch):
    """The bot's words before its handoff reach the resident at once; the handoff's own
    transaction marks the message done, so if it fails the message is relayed again, and
    then the words are not stored twice and the handoff is made once."""
    import handoff.botlink.relay as relay

    await make_available(sessionmaker)
    fake_bot.reply = scripted(handoff_payload(level="emergency", reason="triage"))
    real_handle, failures = relay.handle_handoff, []

    async def fails_once(*args, **kwargs):
        if not failures:
            failures.append(1)
            raise RuntimeError("the database went away mid-handoff")
        return await real_handle(*args, **kwargs)

    monkeypatch.setattr(relay, "handle_handoff", fails_once)
    async with await open_hub(database_url, fake_bot, tmp_path) as (base_url, app):
        resident = Resident(base_url)
        session_id = await resident.connect()
        sent = await resident.say("Haluan ihmisen")
        first = await resident.wait("bot_uttered", lambda m: m["sender"] == "bot")
        assert first["text"] == "Välitän sinut sosiaaliohjaajalle."
        async with sessionmaker() as session:
            assert (await session.get(Message, sent["id"])).relay_status == "relaying"  # not done: no handoff yet
            assert (await session.get(Conversation, session_id)).owner == "bot"
        async with sessionmaker.begin() as session:  # as if the relay had been stuck for long
            await session.execute(update(Message).where(Message.id == sent["id"])
                                  .values(relay_started_at=datetime(2020, 1, 1, tzinfo=timezone.utc)))
        await relay.relay_pending(app, session_id)
        told = await resident.wait("bot_uttered", lambda m: m["sender"] == "system")
        assert told["text"].startswith("Jos olet nyt vaarassa, soita heti 112.")
        async with sessionmaker() as session:
            words = await session.scalars(select(Message.text).where(
                Message.conversation_id == session_id, Message.sender == "bot"))
            assert list(words) == ["Välitän sinut sosiaaliohjaajalle."]
            handoffs = list(await session.scalars(select(Handoff).where(Handoff.conversation_id == session_id)))
            assert [(h.level, h.status) for h in handoffs] == [("emergency", "queued")]
            assert (await session.get(Message, sent["id"])).relay_status == "done"
        assert len([m for m in resident.of("bot_uttered") if m["sender"] == "bot"]) == 1
        await resident.close()


async def test_a_full_queue_is_said_and_a_callback_number_from_the_chat_is_used(
        database_url, sessionmaker, fake_bot, tmp_path):
    await make_available(sessionmaker)
    fake_bot.reply = scripted(handoff_payload(reason="callback_request", callback={
        "phone": "[puh]", "preferred_time": None, "reason": "resident_choice"}))
    async with await open_hub(database_url, fake_bot, tmp_path, max_queue_length=0) as (base_url, _app):
        resident = Resident(base_url)
        session_id = await resident.connect()
        await resident.say("Numeroni on 040 111 2233")
        await resident.wait("bot_uttered")
        await resident.say("Haluan ihmisen")
        told = await resident.wait("bot_uttered", lambda m: m["sender"] == "system")
        assert "jono on juuri nyt täynnä" in told["text"].lower()
        assert told["neuvo"] == {"event": "callback_recorded", "callback_reason": "queue_full"}
        await resident.close()
    async with sessionmaker() as session:
        callback = await session.scalar(select(Callback).where(Callback.conversation_id == session_id))
        assert (callback.phone, callback.reason) == ("040 111 2233", "queue_full")


async def test_a_waiting_resident_can_choose_a_callback_instead(database_url, sessionmaker, fake_bot, tmp_path):
    await make_available(sessionmaker)
    fake_bot.reply = scripted(handoff_payload())
    async with await open_hub(database_url, fake_bot, tmp_path) as (base_url, _app):
        resident = Resident(base_url)
        session_id = await resident.connect()
        await resident.say("Haluan ihmisen")
        await resident.wait("bot_uttered", lambda m: m["sender"] == "system")
        await resident.client.emit("neuvo_callback", {"phone": "+358 40 555 6666", "consent": True})
        await resident.wait("neuvo_callback_ok")
        await resident.close()
    async with sessionmaker() as session:
        handoff = await session.scalar(select(Handoff).where(Handoff.conversation_id == session_id))
        callback = await session.scalar(select(Callback).where(Callback.conversation_id == session_id))
        conversation = await session.get(Conversation, session_id)
    assert (handoff.status, handoff.outcome) == ("closed", "callback_scheduled")
    assert callback.reason == "resident_choice" and conversation.owner == "bot"
