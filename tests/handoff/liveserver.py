"""Runs an app from create_app on a free loopback port inside the test's event loop.

Tests talk to it over real HTTP with httpx, so cookies, headers, middleware and
the router behave as in production.
"""
from __future__ import annotations

import contextlib
import functools
import itertools
import socket
from dataclasses import replace
from typing import AsyncIterator, Optional

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handoff.app import create_app
from handoff.auth.passwords import hash_password
from handoff.models import User
from handoff.settings import Settings

PASSWORD = "correct horse battery staple 42"
_names = itertools.count(1)


def hub_settings(database_url: str, **overrides) -> Settings:
    base = Settings(secret_key="s" * 40, bot_token="b" * 40, environment="test",
                    database_url=database_url, cookie_secure=False)
    return replace(base, **overrides)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.asynccontextmanager
async def running_hub(settings: Settings) -> AsyncIterator[tuple[str, object]]:
    """Yields (base_url, app) while the hub serves; stops it cleanly afterwards."""
    app = create_app(settings)
    # TouchUp rewrites Sanic's own HTTP code once per process; a second app in
    # the same process would fail to rewrite it again.
    app.config.TOUCHUP = False
    port = free_port()
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    await server.startup()
    await server.before_start()
    await server.after_start()
    try:
        yield f"http://127.0.0.1:{port}", app
    finally:
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()


@functools.lru_cache(maxsize=1)
def _password_hash() -> str:
    return hash_password(PASSWORD)  # hashing costs most of a second: once per test run


async def add_user(sessionmaker: async_sessionmaker[AsyncSession], role: str = "counsellor",
                   name: Optional[str] = None) -> str:
    """A user with PASSWORD (the production path, create_user, is tested in tests/handoff/auth)."""
    name = name or f"{role}{next(_names)}"
    async with sessionmaker.begin() as session:
        session.add(User(username=name, password_hash=_password_hash(), role=role))
    return name


async def login(base_url: str, username: str, password: str = PASSWORD) -> httpx.AsyncClient:
    """A client with a live console session; `client.csrf` holds its CSRF token."""
    client = httpx.AsyncClient(base_url=base_url, follow_redirects=False, timeout=30)
    form = await client.get("/console/login")
    token = form.text.split('name="form_token" value="', 1)[1].split('"', 1)[0]
    response = await client.post("/console/login", data={"username": username, "password": password,
                                                          "form_token": token})
    assert response.status_code == 303, response.text
    page = await client.get("/console/")
    client.csrf = page.text.split('name="csrf-token" content="', 1)[1].split('"', 1)[0]
    return client


async def waiting_conversation(
    sessionmaker: async_sessionmaker[AsyncSession], *, level: str = "urgent", text: str = "Tarvitsen apua",
    markers: Optional[list[str]] = None, intake: Optional[dict] = None, language: str = "fi",
) -> tuple[str, int]:
    """A conversation with one resident message, handed off and waiting: (conversation_id, handoff_id)."""
    from handoff.messages import append_message, create_conversation
    from handoff.queue import enqueue

    async with sessionmaker.begin() as session:
        conversation = await create_conversation(session, language=language)
        await append_message(session, conversation_id=conversation.id, sender="resident", text=text)
        handoff = await enqueue(session, conversation_id=conversation.id, level=level,
                                markers=markers if markers is not None else ["no_place_to_sleep_tonight"],
                                intake=intake)
        return conversation.id, handoff.id


async def browser_login(page, base_url: str, username: str, password: str = PASSWORD) -> None:
    """Logs in through the console's own log-in form (a Playwright page), as a person would."""
    await page.goto(f"{base_url}/console/login")
    await page.fill("#username", username)
    await page.fill("#password", password)
    await page.click("button[type=submit]")


def csrf_headers(client: httpx.AsyncClient) -> dict[str, str]:
    return {"X-CSRF-Token": client.csrf}
