"""Console and resident together on the hub as served (uvicorn, socket.io): each sees the other's
messages, internal notes never reach the resident (live or in the replayed history), and closing
hands the conversation back to the bot."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import pytest_asyncio

from tests.handoff.chathub import ALWAYS_OPEN, FakeBot, Resident, chat_settings, running_chat_hub
from tests.handoff.liveserver import add_user, csrf_headers, login

pytestmark = pytest.mark.asyncio
NOTE = "SENTINEL-internal-note"
HANDOFF = {"custom": {"neuvo": {"event": "handoff", "level": "urgent", "markers": ["eviction_soon"],
                                "reason": "resident_request", "language": "fi",
                                "intake": {"municipality": "Lahti"}, "callback": None}}}


@pytest_asyncio.fixture
async def fake_bot():
    bot = FakeBot()
    bot.reply = lambda text: ([{"text": "Välitän sinut sosiaaliohjaajalle."}, HANDOFF] if text == "Haluan ihmisen"
                              else [{"text": f"Vastaus: {text}"}])
    await bot.start()
    yield bot
    await bot.stop()


def _texts(events: list) -> list[str]:
    return [m.get("text", "") for m in events]


async def test_counsellor_and_resident_see_each_other_and_notes_stay_internal(
        database_url, sessionmaker, fake_bot, tmp_path: Path) -> None:
    name = await add_user(sessionmaker)
    organisation = tmp_path / "organisation.yml"
    organisation.write_text(ALWAYS_OPEN, encoding="utf-8")
    async with running_chat_hub(chat_settings(database_url, fake_bot.url, organisation)) as (url, _app):
        counsellor = await login(url, name)
        await counsellor.post("/console/api/presence", json={"available": True}, headers=csrf_headers(counsellor))
        resident = Resident(url)
        conversation_id = await resident.connect()
        await resident.say("Haluan ihmisen")
        queue = []
        for _ in range(50):
            queue = (await counsellor.get("/console/api/queue")).json()["queue"]
            if queue:
                break
            await asyncio.sleep(0.1)
        assert [item["conversation_id"] for item in queue] == [conversation_id]
        claimed = await counsellor.post(f"/console/api/handoffs/{queue[0]['handoff_id']}/claim",
                                        headers=csrf_headers(counsellor))
        assert claimed.status_code == 200
        await resident.wait("bot_uttered", lambda m: "liittyi" in m.get("text", ""))

        sent = await counsellor.post(f"/console/api/conversations/{conversation_id}/messages",
                                     json={"text": "Hei, olen Sanna.", "client_msg_id": "k1"},
                                     headers=csrf_headers(counsellor))
        assert sent.status_code == 201
        await resident.wait("bot_uttered", lambda m: m.get("text") == "Hei, olen Sanna.")
        note = await counsellor.post(f"/console/api/conversations/{conversation_id}/notes", json={"text": NOTE},
                                     headers=csrf_headers(counsellor))
        assert note.status_code == 201

        await resident.say("Kiitos, minut häädetään perjantaina")
        seen = []
        for _ in range(50):
            seen = (await counsellor.get(f"/console/api/conversations/{conversation_id}/messages?after=0")
                    ).json()["messages"]
            if any(m["text"].startswith("Kiitos, minut") for m in seen):
                break
            await asyncio.sleep(0.1)
        assert any(m["sender"] == "resident" and m["text"].startswith("Kiitos, minut") for m in seen)
        assert not any(c.get("text", "").startswith("Kiitos, minut") for c in fake_bot.calls)  # bot silent

        # A reload replays the history: the counsellor's reply is there, the note is not.
        again = Resident(url)
        await again.connect(session_id=conversation_id)
        history = await again.wait("neuvo_history")
        assert "Hei, olen Sanna." in _texts(history["messages"])

        closed = await counsellor.post(f"/console/api/conversations/{conversation_id}/close",
                                       json={"outcome": "advice_given", "then": "bot"},
                                       headers=csrf_headers(counsellor))
        assert closed.status_code == 200 and closed.json()["handed_back"] is True
        assert any(c.get("event") == "handback" for c in fake_bot.calls)
        everything = str(resident.events) + str(again.events)
        assert NOTE not in everything
        await resident.close()
        await again.close()
        await counsellor.aclose()
