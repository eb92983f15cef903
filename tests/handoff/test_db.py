"""The engine survives the database closing its connections (a restart, an idle timeout)."""
from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text

from handoff.db import make_engine
from handoff.hotpath import conversation_state, store_resident_message
from handoff.messages import create_conversation

pytestmark = pytest.mark.asyncio


async def _backend_pids(engine) -> set[int]:
    async with engine.connect() as connection:
        return {await connection.scalar(text("select pg_backend_pid()"))}


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # SQLite has no server to close them
async def test_connections_closed_by_the_server_are_replaced_before_use(sessionmaker, database_url) -> None:
    engine = sessionmaker.kw["bind"]
    async with sessionmaker.begin() as session:
        conversation_id = (await create_conversation(session)).id
    first = await store_resident_message(engine, conversation_id=conversation_id, text="hei", client_msg_id="a")
    pooled = await _backend_pids(engine)
    admin = make_engine(database_url)
    async with admin.connect() as connection:
        for pid in pooled:  # what a restart does to every pooled connection
            assert await connection.scalar(text("select pg_terminate_backend(:pid)"), {"pid": pid})
    await admin.dispose()
    await asyncio.sleep(0.2)  # the closed socket reaches the event loop
    # The hot path (autocommit) and the ORM sessions both get fresh connections: nothing fails.
    second = await store_resident_message(engine, conversation_id=conversation_id, text="moi", client_msg_id="b")
    assert (first.message.seq, second.message.seq) == (1, 2)
    assert (await conversation_state(engine, conversation_id)).owner == "bot"
    async with sessionmaker() as session:
        assert await session.scalar(text("select count(*) from messages")) == 2
    assert await _backend_pids(engine) != pooled
