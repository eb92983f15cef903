"""Simulated counsellors for the hub benchmark: users, a console log-in, and the work loop.

They use the console as a counsellor's browser does (log-in form, CSRF
header, presence, the JSON API), so the load includes sessions and audit rows.
"""
from __future__ import annotations

import asyncio
from typing import Any

import httpx

COUNSELLOR_TEXT = "Hei, olen sosiaaliohjaaja. Olen tässä sinua varten."
PASSWORD = "kuormitus testi salasana 2026"
QUEUE_POLL_SECONDS = 4.0  # as queue.js (POLL_MS)
ANSWER_SECONDS = 1.0  # between the counsellor's answer and the close


async def add_counsellors(database_url: str, names: list[str]) -> None:
    from handoff.auth.passwords import hash_password
    from handoff.db import make_engine, make_sessionmaker
    from handoff.models import User

    engine = make_engine(database_url)
    password_hash = hash_password(PASSWORD)
    async with make_sessionmaker(engine).begin() as session:
        session.add_all([User(username=name, password_hash=password_hash, role="counsellor") for name in names])
    await engine.dispose()


async def login(url: str, username: str) -> httpx.AsyncClient:
    client = httpx.AsyncClient(base_url=url, follow_redirects=False, timeout=60)
    form = await client.get("/console/login")
    token = form.text.split('name="form_token" value="', 1)[1].split('"', 1)[0]
    answer = await client.post("/console/login", data={"username": username, "password": PASSWORD,
                                                       "form_token": token})
    if answer.status_code != 303:
        raise RuntimeError(f"log-in failed with {answer.status_code}")
    page = await client.get("/console/")
    client.headers["X-CSRF-Token"] = page.text.split('name="csrf-token" content="', 1)[1].split('"', 1)[0]
    answer = await client.post("/console/api/presence", json={"available": True})
    answer.raise_for_status()
    return client


async def counsellor(client: httpx.AsyncClient, result: Any, stop: asyncio.Event) -> None:
    """Polls the queue, claims, answers once, waits a moment, closes and hands back to the bot.

    `result` counts `counsellor_answers` and `errors` (a Counter), as `hub_load.PhaseResult` does.
    """
    while not stop.is_set():
        try:
            queue = (await client.get("/console/api/queue")).json().get("queue", [])
            for item in queue:
                claim = await client.post(f"/console/api/handoffs/{item['handoff_id']}/claim")
                if claim.status_code == 409:
                    continue  # a colleague was faster
                claim.raise_for_status()
                cid = item["conversation_id"]
                sent = await client.post(f"/console/api/conversations/{cid}/messages",
                                         json={"text": COUNSELLOR_TEXT, "client_msg_id": f"c-{cid}"})
                sent.raise_for_status()
                result.counsellor_answers += 1
                await asyncio.sleep(ANSWER_SECONDS)
                closed = await client.post(f"/console/api/conversations/{cid}/close",
                                           json={"outcome": "advice_given", "then": "bot"})
                closed.raise_for_status()
                break
        except (httpx.HTTPError, ValueError, KeyError) as error:
            result.errors[f"console {type(error).__name__}"] += 1
        await asyncio.sleep(QUEUE_POLL_SECONDS)
