"""kill -9 of the hub under traffic, then a restart on the same database (issue 4, reliability).

The hub runs as `python -m handoff serve` (a real process: migrations,
uvicorn, socket.io beside Sanic). Several simulated residents
(`benchmarks.hubsim.SimResident`, which behaves like chat.js) and one real
chat page in Debian's chromium talk to it while the bot's private channel
(`tests.handoff.chathub.FakeBot`: bearer token, de-duplication by message id,
the documented answers, a little slow so relays are in flight) answers; two
residents are handed off to the queue. Mid-traffic the hub gets SIGKILL, and
is started again on the same port and database. Then:

- every message a resident sent was acknowledged, and every acknowledged
  message exists exactly once (by client message id);
- every message the bot owned was relayed and answered exactly once, also those
  pending or half-relayed at the kill (`relay_grace_seconds` shortened);
- the handed-off conversations are still in the queue, once each, with their
  later messages held from the bot;
- the residents reconnected by themselves, resent what was unacknowledged, and
  have every message of their conversation; the page did the same.
"""
from __future__ import annotations

import asyncio
import time
from collections import Counter

import pytest
from playwright import async_api as playwright_api
from sqlalchemy import func, select

from benchmarks.hubsim import HubProcess, SimResident
from handoff.db import make_engine, make_sessionmaker
from handoff.models import Conversation, Handoff, Message, User
from tests.handoff.chathub import ALWAYS_OPEN, BOT_TOKEN, FakeBot, wait_until
from tests.handoff.liveserver import free_port
from tests.handoff.prerequisites import CHROMIUM

pytestmark = [pytest.mark.asyncio, pytest.mark.slow, pytest.mark.usefixtures("chromium")]
HANDOFF_TEXT = "haluan puhua ihmiselle"
RESIDENTS = 6
HANDED_OFF = 2


class SlowBot(FakeBot):
    """The channel with Rasa-like latency, so that relays are in flight when the hub dies."""

    async def _handle(self, request):
        await request.read()  # as Rasa would, it goes on with a request whose hub has died
        await asyncio.sleep(0.15)
        return await super()._handle(request)


def _reply(text: str) -> list[dict]:
    if text == HANDOFF_TEXT:
        return [{"text": "Välitän sinut ohjaajalle."},
                {"custom": {"neuvo": {"event": "handoff", "level": "support", "markers": ["asks_for_person"],
                                      "reason": "resident_request", "language": "fi", "intake": None,
                                      "callback": None}}}]
    return [{"text": f"Vastaus: {text}"}]


async def _talk(resident: SimResident, index: int, stop: asyncio.Event) -> None:
    """One message every ~0.2 s; the handed-off residents ask for a person second."""
    count = 0
    while not stop.is_set():
        count += 1
        await resident.send(HANDOFF_TEXT if index < HANDED_OFF and count == 2 else f"{resident.name} viesti {count}")
        await asyncio.sleep(0.2)


async def _page_sends(page, text: str) -> None:
    await page.fill("#message", text)
    await page.press("#message", "Enter")


async def test_kill_9_under_traffic_loses_nothing_and_everyone_reconnects(database_url, tmp_path):
    """On SQLite (one instance) and PostgreSQL (what two instances would share)."""
    organisation = tmp_path / "organisation.yml"
    organisation.write_text(ALWAYS_OPEN, encoding="utf-8")
    bot = SlowBot()
    bot.reply = _reply
    await bot.start()
    hub = HubProcess(port=free_port(), database_url=database_url, rasa_url=bot.url, bot_token=BOT_TOKEN,
                     work_dir=tmp_path, organisation_file=organisation,
                     env={"NEUVO_RASA_TIMEOUT": "2", "NEUVO_HUB_RELAY_GRACE_SECONDS": "1"})
    engine = make_engine(database_url)
    sessionmaker = make_sessionmaker(engine)
    residents = [SimResident(hub.url, name=f"r{i}") for i in range(RESIDENTS)]
    started = time.monotonic()
    try:
        await hub.start_async()
        async with sessionmaker.begin() as session:  # a counsellor is on duty, so handoffs queue
            session.add(User(username="paivystaja", password_hash="x", role="counsellor", available=True))
        async with playwright_api.async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = await browser.new_page()
            await page.goto(f"{hub.url}/chat/")
            await _page_sends(page, "sivu ennen")
            await wait_until(page, "[...document.querySelectorAll('#log li.msg.bot')].some("
                                   "li => li.textContent.includes('Vastaus: sivu ennen'))", 15)

            await asyncio.gather(*(r.connect() for r in residents))
            stop = asyncio.Event()
            talkers = [asyncio.create_task(_talk(r, i, stop)) for i, r in enumerate(residents)]
            await asyncio.sleep(2.0)
            hub.kill()
            killed_at = time.monotonic()
            await _page_sends(page, "sivu katkon aikana")  # typed while the hub is gone
            await asyncio.sleep(1.0)
            await hub.start_async()
            restarted_at = time.monotonic()
            await asyncio.sleep(2.0)
            stop.set()
            await asyncio.gather(*talkers)

            # The page reconnects by itself and sends what it kept: answered once, shown once.
            await wait_until(page, "[...document.querySelectorAll('#log li.msg.bot')].some("
                                   "li => li.textContent.includes('Vastaus: sivu katkon aikana'))", 25)
            page_reconnected_after = time.monotonic() - killed_at
            pending_on_page = await page.locator("#log li.pending").count()
            shown_once = await page.locator("#log li.msg.resident", has_text="sivu katkon aikana").count()
            await browser.close()

        for resident in residents:
            assert await resident.wait_for(lambda r=resident: not r.pending, 20), (resident.name, resident.pending)
        await _wait_until_relayed(sessionmaker, timeout=20)
        async with sessionmaker() as session:
            rows = (await session.execute(
                select(Message.conversation_id, Message.seq, Message.client_msg_id, Message.sender, Message.text,
                       Message.relay_status).order_by(Message.conversation_id, Message.seq))).all()
            handoffs = (await session.execute(select(Handoff.conversation_id, Handoff.status))).all()
            owners = dict((await session.execute(select(Conversation.id, Conversation.owner))).all())
        for resident in residents:  # the last replies reach the open sockets by push
            stored = {r.seq for r in rows if r.conversation_id == resident.session_id}
            await resident.wait_for(lambda r=resident, s=stored: set(r.seen) | set(r.acked.values()) >= s, 5)
    finally:
        await asyncio.gather(*(r.close() for r in residents))
        hub.stop()
        await bot.stop()
        await engine.dispose()

    by_client_id = Counter(r.client_msg_id for r in rows if r.sender == "resident")
    for resident in residents:
        assert resident.acked and not resident.pending
        assert resident.confirms >= 2, f"{resident.name} did not reconnect"
        typed_while_down = [c for c, at in resident.sent_at.items() if killed_at <= at <= restarted_at]
        assert typed_while_down and all(c in resident.acked for c in typed_while_down)  # resent, then acked
        for client_id in resident.acked:
            assert by_client_id[client_id] == 1, client_id  # acknowledged: stored exactly once
        conversation = [r for r in rows if r.conversation_id == resident.session_id]
        assert [r.seq for r in conversation] == list(range(1, len(conversation) + 1))
        seen = set(resident.seen) | set(resident.acked.values())
        assert seen >= {r.seq for r in conversation}, f"{resident.name} misses messages"
        answers = Counter(r.text for r in conversation if r.sender == "bot")
        relayed = [r for r in conversation if r.sender == "resident" and r.relay_status == "done"]
        for message in relayed:
            if message.text != HANDOFF_TEXT:
                assert answers[f"Vastaus: {message.text}"] == 1, message.text  # answered exactly once
        statuses = Counter(r.relay_status for r in conversation if r.sender == "resident")
        assert set(statuses) <= {"done", "held"}, statuses

    handed_off = {r.session_id for r in residents[:HANDED_OFF]}
    assert Counter(cid for cid, status in handoffs if status == "queued") == Counter(handed_off)
    assert all(owners[cid] == "waiting" for cid in handed_off)
    for cid in handed_off:
        mine = [r for r in rows if r.conversation_id == cid and r.sender == "resident"]
        handoff_seq = next(r.seq for r in mine if r.text == HANDOFF_TEXT)
        after_handoff = [r for r in mine if r.seq > handoff_seq]
        assert after_handoff and all(r.relay_status == "held" for r in after_handoff)
        assert not {r.text for r in after_handoff} & set(bot.processed_texts(cid))  # the bot stayed silent
    # What the kill hit, for the record (pytest -s): retried relays the bot answered as duplicates.
    print(f"kill -9: {sum(len(r.acked) for r in residents)} acknowledged, "
          f"{len(bot.calls) - len(bot.processed)} relays repeated after the restart, "
          f"page back after {page_reconnected_after:.1f} s")
    assert pending_on_page == 0 and shown_once == 1
    assert page_reconnected_after < 25
    assert time.monotonic() - started < 90


async def _wait_until_relayed(sessionmaker, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        async with sessionmaker() as session:
            waiting = await session.scalar(select(func.count()).select_from(Message).where(
                Message.relay_status.in_(("pending", "relaying"))))
        if not waiting:
            return
        assert time.monotonic() < deadline, f"{waiting} messages still not relayed"
        await asyncio.sleep(0.3)
