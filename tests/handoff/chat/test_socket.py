"""The resident socket.io server against a real running hub (uvicorn), with a
scripted bot channel behind it, on SQLite and PostgreSQL."""
from __future__ import annotations

import asyncio
import time
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from sqlalchemy import func, select

from handoff.chat.delivery import deliver_to_resident
from handoff.messages import append_message
from handoff.models import Message, RelayStatus
from tests.handoff.chathub import ALWAYS_OPEN, FakeBot, Resident, chat_settings, running_chat_hub

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def fake_bot():
    bot = FakeBot()
    await bot.start()
    yield bot
    await bot.stop()


@pytest.fixture
def organisation(tmp_path: Path) -> Path:
    path = tmp_path / "organisation.yml"
    path.write_text(ALWAYS_OPEN, encoding="utf-8")
    return path


@pytest_asyncio.fixture
async def hub(database_url, sessionmaker, fake_bot, organisation):
    settings = chat_settings(database_url, fake_bot.url, organisation)
    async with running_chat_hub(settings) as (base_url, app):
        yield base_url, app


async def resident_rows(sessionmaker, conversation_id: str) -> list[Message]:
    async with sessionmaker() as session:
        return list(await session.scalars(
            select(Message).where(Message.conversation_id == conversation_id).order_by(Message.seq)
        ))


@pytest.mark.parametrize("transport", ["websocket", "polling"])
async def test_rasa_socketio_protocol_with_ids_and_seq(hub, fake_bot, transport: str) -> None:
    base_url, _app = hub
    resident = Resident(base_url, transport)
    session_id = await resident.connect()
    assert isinstance(session_id, str) and len(session_id) == 32  # Rasa sends the bare id
    ack = await resident.say("Hei")
    answer = await resident.wait("bot_uttered")
    assert answer["text"] == "Vastaus: Hei"
    assert answer["sender"] == "bot" and answer["seq"] == ack["seq"] + 1 and isinstance(answer["id"], int)
    assert fake_bot.calls[0]["sender"] == session_id
    assert fake_bot.calls[0]["message_id"] == str(ack["id"])
    await resident.close()


async def test_buttons_are_quick_replies_and_a_click_stores_the_title(hub, fake_bot, sessionmaker) -> None:
    base_url, _app = hub
    fake_bot.reply = lambda text: (
        [{"text": "Valitse", "buttons": [{"title": "Ihminen", "payload": "/request_human"}]}]
        if text == "Hei" else [{"text": f"Sait: {text}"}]
    )
    resident = Resident(base_url)
    session_id = await resident.connect()
    await resident.say("Hei")
    offer = await resident.wait("bot_uttered")
    assert offer["quick_replies"] == [{"content_type": "text", "title": "Ihminen", "payload": "/request_human"}]
    await resident.say("/request_human", title="Ihminen")
    assert (await resident.wait("bot_uttered", count=2))["text"] == "Sait: /request_human"
    rows = await resident_rows(sessionmaker, session_id)
    assert [r.text for r in rows if r.sender == "resident"] == ["Hei", "Ihminen"]
    await resident.close()


async def test_same_client_id_twice_is_stored_once_and_answered_once(hub, fake_bot, sessionmaker) -> None:
    base_url, _app = hub
    resident = Resident(base_url)
    session_id = await resident.connect()
    first = await resident.say("Tarvitsen apua", client_msg_id="same-id")
    await resident.client.emit("user_uttered", {"message": "Tarvitsen apua", "neuvo": {"client_msg_id": "same-id"}})
    second = await resident.wait("neuvo_ack", count=2)
    assert second["duplicate"] is True and second["id"] == first["id"]
    await resident.wait("bot_uttered")
    await asyncio.sleep(0.5)
    rows = await resident_rows(sessionmaker, session_id)
    assert [r.sender for r in rows] == ["resident", "bot"]
    assert len(fake_bot.calls) == 1
    assert len(resident.of("bot_uttered")) == 1
    await resident.close()


async def test_resume_after_reload_replays_history_without_duplicates(hub, fake_bot) -> None:
    base_url, _app = hub
    first = Resident(base_url)
    session_id = await first.connect()
    await first.say("Yksi")
    await first.wait("bot_uttered")
    await first.close()
    again = Resident(base_url, "polling")
    assert await again.connect(session_id, after_seq=0) == session_id
    history = await again.wait("neuvo_history")
    assert [(m["sender"], m["text"]) for m in history["messages"]] == [("resident", "Yksi"), ("bot", "Vastaus: Yksi")]
    assert [m["seq"] for m in history["messages"]] == [1, 2]
    later = Resident(base_url)
    await later.connect(session_id, after_seq=1)
    assert [m["seq"] for m in (await later.wait("neuvo_history"))["messages"]] == [2]
    for client in (again, later):
        await client.close()


async def test_continuation_code_resumes_without_login(hub) -> None:
    base_url, _app = hub
    resident = Resident(base_url)
    session_id = await resident.connect()
    await resident.say("Muista minut")
    await resident.client.emit("neuvo_code")
    code = (await resident.wait("neuvo_code"))["code"]
    assert len(code) == 9 and code[4] == "-"
    await resident.close()
    phone = Resident(base_url)
    assert await phone.connect(continuation_code=code.lower().replace("-", " ")) == session_id
    assert (await phone.wait("neuvo_history"))["messages"][0]["text"] == "Muista minut"
    wrong = Resident(base_url)
    await wrong.client.connect(base_url, transports=["websocket"])
    await wrong.client.emit("session_request", {"continuation_code": "AAAA-AAAA"})
    assert (await wrong.wait("neuvo_error"))["code"] == "unknown_code"
    for client in (phone, wrong):
        await client.close()


async def test_bad_input_gets_clear_errors_and_nothing_breaks(hub, fake_bot, sessionmaker) -> None:
    base_url, app = hub
    resident = Resident(base_url)
    await resident.client.connect(base_url, transports=["websocket"])
    await resident.client.emit("session_request", {"session_id": "0" * 32})
    assert (await resident.wait("neuvo_error"))["code"] == "unknown_conversation"
    session_id = await resident.wait("session_confirm")
    assert session_id != "0" * 32  # a new conversation, as Rasa would start one
    for bad in ("text", 42, None, ["list"], {"message": 7}, {"message": "   "}):
        await resident.client.emit("user_uttered", bad)
    await resident.client.emit("user_uttered", {"message": "x" * 2001, "neuvo": {"client_msg_id": "long"}})
    await resident.client.emit("user_uttered", {"message": "ok", "neuvo": {"client_msg_id": "y" * 65}})
    await resident.client.emit("no_such_event", {"x": 1})
    await resident.client.emit("neuvo_callback", "not a form")
    await resident.client.emit("neuvo_resume", "bad")
    codes = {e["code"] for e in await _errors(resident, 11)}
    assert {"malformed_message", "empty_message", "message_too_long", "malformed_client_msg_id",
            "unknown_event", "malformed"} <= codes
    assert "server_error" not in codes
    script = "<script>alert('x')</script><img src=x onerror=alert(1)>"
    await resident.say(script)
    echoed = await resident.wait("bot_uttered")
    assert echoed["text"] == f"Vastaus: {script}"  # stored and sent as text; the page uses textContent
    rows = await resident_rows(sessionmaker, session_id)
    assert [r.text for r in rows if r.sender == "resident"] == [script]  # nothing else was stored
    async with httpx.AsyncClient(base_url=base_url) as http:
        for path in ("/chat/nothing", "/static/chat/../../settings.py", "/socket.io/?EIO=4&transport=bogus"):
            assert (await http.get(path)).status_code in (400, 404), path
        too_big = await http.post("/socket.io/?EIO=4&transport=polling", content=b"x" * 200_000)
        assert too_big.status_code < 500
    await resident.close()


async def _errors(resident: Resident, count: int) -> list[dict]:
    await resident.wait("neuvo_error", count=count)
    return resident.of("neuvo_error")


async def test_bot_down_resident_told_within_10_s_and_message_processed_once_when_back(
    database_url, sessionmaker, organisation
) -> None:
    bot = FakeBot()  # not started yet: nothing listens on its port
    settings = chat_settings(database_url, bot.url, organisation)
    async with running_chat_hub(settings) as (base_url, _app):
        resident = Resident(base_url)
        session_id = await resident.connect()
        started = time.monotonic()
        await resident.say("Onko ketään?")
        notice = await resident.wait("bot_uttered", timeout=10)
        assert time.monotonic() - started < 10
        assert notice["sender"] == "system"
        assert "03 555 0100" in notice["text"] and "112" in notice["text"]
        assert (await resident.wait("neuvo_status"))["bot"] == "unavailable"
        await resident.say("Toinen viesti")
        await bot.start()
        try:
            first = await resident.wait("bot_uttered", lambda m: m["sender"] == "bot", timeout=15)
            second = await resident.wait("bot_uttered", lambda m: m["sender"] == "bot", timeout=15, count=2)
            assert [first["text"], second["text"]] == ["Vastaus: Onko ketään?", "Vastaus: Toinen viesti"]
            await asyncio.sleep(2.5)  # another retry round: nothing is sent again
            assert bot.processed_texts(session_id) == ["Onko ketään?", "Toinen viesti"]
            rows = await resident_rows(sessionmaker, session_id)
            assert [r.sender for r in rows].count("system") == 1  # told once per outage
            assert all(r.relay_status == RelayStatus.DONE.value for r in rows if r.sender == "resident")
        finally:
            await bot.stop()
        await resident.close()


async def test_a_channel_failure_is_retried_not_lost(hub, fake_bot, sessionmaker) -> None:
    base_url, _app = hub
    fake_bot.status = 503
    resident = Resident(base_url)
    session_id = await resident.connect()
    await resident.say("Pysy tallessa")
    await resident.wait("bot_uttered", lambda m: m["sender"] == "system", timeout=10)
    fake_bot.status = None
    answer = await resident.wait("bot_uttered", lambda m: m["sender"] == "bot", timeout=15)
    assert answer["text"] == "Vastaus: Pysy tallessa"
    async with sessionmaker() as session:
        count = await session.scalar(select(func.count()).select_from(Message).where(
            Message.conversation_id == session_id, Message.sender == "bot"))
    assert count == 1
    await resident.close()


async def test_deliver_to_resident_pushes_stored_counsellor_messages(hub, sessionmaker) -> None:
    base_url, app = hub
    resident = Resident(base_url)
    session_id = await resident.connect()
    async with sessionmaker.begin() as session:
        await append_message(session, conversation_id=session_id, sender="counsellor", text="Hei, olen Anna.")
    await deliver_to_resident(app, session_id)
    await deliver_to_resident(app, session_id)  # twice is harmless
    message = await resident.wait("bot_uttered")
    assert message["sender"] == "counsellor" and message["text"] == "Hei, olen Anna."
    await asyncio.sleep(0.3)
    assert len(resident.of("bot_uttered")) == 1
    await resident.close()


async def test_the_page_and_its_config_over_http(hub) -> None:
    base_url, _app = hub
    async with httpx.AsyncClient(base_url=base_url) as http:
        root = await http.get("/")
        assert root.status_code in (301, 302, 307, 308) and root.headers["location"].endswith("/chat/")
        page = await http.get("/chat/")
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        csp = page.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert page.headers["cache-control"] == "no-store" and page.headers["x-content-type-options"] == "nosniff"
        assert '<html lang="fi">' in page.text and "/static/chat/vendor/socket.io.min.js" in page.text
        config = (await http.get("/chat/config.json")).json()
        assert config["emergency_number"] == "112" and config["polku_phone"] == "03 555 0100"
        assert config["privacy_notice_url"] == "https://example.org/tietosuoja"
        assert config["max_message_chars"] == 2000
        for asset in ("chat.js", "chat.css", "vendor/socket.io.min.js"):
            assert (await http.get(f"/static/chat/{asset}")).status_code == 200, asset


async def test_a_websocket_frame_over_the_limit_closes_only_that_socket(hub) -> None:
    base_url, _app = hub
    greedy = Resident(base_url)
    await greedy.connect()
    await greedy.client.emit("user_uttered", {"message": "x" * 40_000})  # > websocket_max_bytes
    await asyncio.sleep(1)
    assert not greedy.client.connected
    polite = Resident(base_url)
    await polite.connect()
    await polite.say("Vielä toimii")
    assert (await polite.wait("bot_uttered"))["text"] == "Vastaus: Vielä toimii"
    for client in (greedy, polite):
        await client.close()
