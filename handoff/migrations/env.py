"""Alembic environment: async engine, URL from the hub's settings."""
from __future__ import annotations

import asyncio
import os

from alembic import context
from sqlalchemy.engine import Connection

from handoff.db import make_engine
from handoff.models import Base

DEFAULT_URL = "sqlite+aiosqlite:///var/hub.db"


def _url() -> str:
    return context.config.attributes.get("url") or os.environ.get("NEUVO_DATABASE_URL", DEFAULT_URL)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection, target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    engine = make_engine(_url())
    async with engine.connect() as connection:
        await connection.run_sync(_run)
    await engine.dispose()


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(_run_async())
