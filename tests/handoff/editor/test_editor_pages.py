"""Editor tools through real HTTP: a resident's unclear message reaches the inbox redacted, an editor
assigns it to an intent (a pending change at a real publisher API), publishes, and sees the figures.

The hub runs as served (uvicorn); the bot's channel is the scripted stand-in
of the chat tests plus the NLU outcome the real channel adds
(bot/channels/nlu_outcome.py); the publisher is the real HTTP API on a copy
of the content, with training and evaluation replaced (the real ones run in
tests/bot/publisher/test_real_publish.py).
"""
from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any, Dict

import pytest
import pytest_asyncio
from aiohttp import web
from sqlalchemy import select

from handoff.models import AuditLog, InboxItem
from tests.handoff.chathub import ALWAYS_OPEN, FakeBot, Resident, chat_settings, running_chat_hub
from tests.handoff.editor.conftest import PUBLISHER_TOKEN
from tests.handoff.liveserver import add_user, login

pytestmark = pytest.mark.asyncio

UNCLEAR = "Nimeni on Matti Virtanen ja puh 040 123 4567, vuokraisäntä vaihtoi lukot, mitä teen"
REDACTED = "Nimeni on [nimi] ja puh [puh], vuokraisäntä vaihtoi lukot, mitä teen"


class NluBot(FakeBot):
    """The scripted channel, answering with the NLU outcome as the real channel does."""

    nlu: Dict[str, Any] = {"intent": "ask_housing", "confidence": 0.22, "fallback": True}

    async def _handle(self, request: web.Request) -> web.Response:
        answer = await super()._handle(request)
        data = json.loads(answer.text)
        if answer.status == 200:
            data["nlu"] = self.nlu
        return web.json_response(data, status=answer.status)


@pytest_asyncio.fixture
async def hub(database_url, sessionmaker, publisher_url, tmp_path: Path):
    bot = NluBot()
    await bot.start()
    organisation = tmp_path / "organisation.yml"
    organisation.write_text(ALWAYS_OPEN, encoding="utf-8")
    settings = chat_settings(database_url, bot.url, organisation, publisher_url=publisher_url[0],
                             publisher_token=PUBLISHER_TOKEN)
    async with running_chat_hub(settings) as (base_url, app):
        yield base_url, bot
    await bot.stop()


async def _inbox(sessionmaker) -> list[InboxItem]:
    async with sessionmaker() as session:
        return list(await session.scalars(select(InboxItem).order_by(InboxItem.id)))


async def _actions(sessionmaker) -> list[str]:
    async with sessionmaker() as session:
        return [row.action for row in await session.scalars(select(AuditLog).order_by(AuditLog.id))]


async def test_from_an_unclear_message_to_a_published_example(hub, sessionmaker, publisher_url) -> None:
    base_url, bot = hub
    _url, publisher = publisher_url
    resident = Resident(base_url)
    await resident.connect()
    await resident.say(UNCLEAR)
    await resident.wait("bot_uttered")
    bot.nlu = {"intent": "greet", "confidence": 0.97, "fallback": False}
    await resident.say("Hei vaan")
    await resident.wait("bot_uttered", lambda m: "Hei vaan" in m.get("text", ""))
    await resident.close()
    for _ in range(50):
        items = await _inbox(sessionmaker)
        if items:
            break
        await asyncio.sleep(0.1)
    assert [(i.text, i.intent, i.fell_back) for i in items] == [(REDACTED, "ask_housing", True)]  # not the greeting

    counsellor = await login(base_url, await add_user(sessionmaker, "counsellor"))
    assert (await counsellor.get("/editor/inbox")).status_code == 403
    editor = await login(base_url, await add_user(sessionmaker, "editor", name="eila"))
    page = await editor.get("/editor/inbox")
    assert page.status_code == 200 and "[nimi]" in page.text and "Matti" not in page.text
    assert page.headers["cache-control"] == "no-store"
    assert '<option value="ask_housing" selected>' in page.text

    item_id = items[0].id
    refused = await editor.post(f"/editor/inbox/{item_id}/assign", data={"intent": "ask_housing"})
    assert refused.status_code == 403  # no CSRF token
    assigned = await editor.post(f"/editor/inbox/{item_id}/assign",
                                 data={"intent": "ask_housing", "csrf_token": editor.csrf})
    assert assigned.status_code == 303
    assert await _inbox(sessionmaker) == []
    assert [(c["intent"], c["text"], c["author"]) for c in publisher.store.pending()] == [
        ("ask_housing", REDACTED, "eila")]
    again = await editor.post(f"/editor/inbox/{item_id}/assign",
                              data={"intent": "ask_housing", "csrf_token": editor.csrf})
    assert again.status_code == 404

    listed = await editor.get("/editor/publish")
    assert REDACTED in listed.text and "Julkaise muutokset" in listed.text
    started = await editor.post("/editor/publish", data={"csrf_token": editor.csrf})
    assert started.status_code == 303
    job_id = publisher.store.jobs()[-1]["id"]
    states = set()
    for _ in range(100):
        job = (await editor.get(f"/editor/api/jobs/{job_id}")).json()
        states.add(job["state"])
        if job["state"] in ("published", "rejected", "failed"):
            break
        await asyncio.sleep(0.1)
    assert job["state"] == "published" and job["version"] == 1, job
    assert "training" in states
    published = await editor.get("/editor/publish")
    assert "0.950" in published.text and "0.951" in published.text and "Käytössä versio 1" in published.text
    version = await editor.get("/editor/versions/1")
    assert f"+    - {REDACTED}" in version.text.replace("&#x27;", "'")
    assert REDACTED in (publisher.root / "bot/domain/topics/housing/examples.yml").read_text(encoding="utf-8")
    actions = await _actions(sessionmaker)
    assert {"inbox.view", "inbox.assign", "content.publish"} <= set(actions)


async def test_dismiss_and_nothing_to_publish(hub, sessionmaker, publisher_url) -> None:
    base_url, _bot = hub
    from handoff.editor.inbox import NluOutcome, capture

    async with sessionmaker.begin() as session:
        item_id = await capture(session, text="ihan outo kysymys", language="fi",
                                outcome=NluOutcome(intent=None, confidence=0.1, fallback=True))
    editor = await login(base_url, await add_user(sessionmaker, "editor"))
    assert (await editor.post(f"/editor/inbox/{item_id}/dismiss", data={"csrf_token": editor.csrf})).status_code == 303
    assert await _inbox(sessionmaker) == []
    assert "inbox.dismiss" in await _actions(sessionmaker)

    nothing = await editor.post("/editor/publish", data={"csrf_token": editor.csrf})
    assert nothing.status_code == 409  # nothing pending: refused by the publisher itself


async def test_with_the_publisher_down_the_inbox_still_lists_and_dismisses(database_url, sessionmaker) -> None:
    from handoff.editor.inbox import NluOutcome, capture
    from tests.handoff.liveserver import free_port, hub_settings, running_hub

    async with sessionmaker.begin() as session:
        item_id = await capture(session, text="en ymmärrä tätä lomaketta", language="fi",
                                outcome=NluOutcome(intent="ask_kela_benefits", confidence=0.3, fallback=False))
    settings = hub_settings(database_url, publisher_url=f"http://127.0.0.1:{free_port()}",
                            publisher_token=PUBLISHER_TOKEN)
    async with running_hub(settings) as (base_url, _app):
        editor = await login(base_url, await add_user(sessionmaker, "editor"))
        page = await editor.get("/editor/inbox")
        assert page.status_code == 200 and "Julkaisupalvelu ei vastaa" in page.text
        assert "en ymmärrä tätä lomaketta" in page.text and "Lisää esimerkiksi" not in page.text
        assigned = await editor.post(f"/editor/inbox/{item_id}/assign",
                                     data={"intent": "ask_kela_benefits", "csrf_token": editor.csrf})
        assert assigned.status_code == 503 and len(await _inbox(sessionmaker)) == 1  # kept for later
        assert (await editor.get("/editor/publish")).status_code == 503
        dismissed = await editor.post(f"/editor/inbox/{item_id}/dismiss", data={"csrf_token": editor.csrf})
        assert dismissed.status_code == 303 and await _inbox(sessionmaker) == []
