"""Databases for hub tests: a SQLite file, and the real PostgreSQL where reachable."""
from __future__ import annotations

import asyncio
import os
import uuid
from typing import AsyncIterator

import pytest
import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handoff.db import make_engine, make_sessionmaker
from handoff.models import Base
from tests.handoff.prerequisites import chromium  # noqa: F401 - fixture for the browser tests

PG_ADMIN_URL = os.environ.get("NEUVO_TEST_PG", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")


async def _postgres_reachable() -> bool:
    engine = make_engine(PG_ADMIN_URL)
    try:
        async with engine.connect():
            return True
    except (OSError, Exception):  # noqa: BLE001 - any failure means "not reachable"
        return False
    finally:
        await engine.dispose()


async def _create_pg_database(name: str) -> None:
    engine = make_engine(PG_ADMIN_URL).execution_options(isolation_level="AUTOCOMMIT")
    async with engine.connect() as conn:
        await conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    await engine.dispose()


async def _drop_pg_database(name: str) -> None:
    engine = make_engine(PG_ADMIN_URL).execution_options(isolation_level="AUTOCOMMIT")
    async with engine.connect() as conn:
        await conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """A fresh, empty database URL of each kind."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'hub.db'}"
    if not asyncio.run(_postgres_reachable()):
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL} (set NEUVO_TEST_PG)")
    name = f"neuvo_test_{uuid.uuid4().hex[:10]}"
    asyncio.run(_create_pg_database(name))
    request.addfinalizer(lambda: asyncio.run(_drop_pg_database(name)))
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


@pytest_asyncio.fixture
async def sessionmaker(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(database_url)
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield make_sessionmaker(engine)
    await engine.dispose()
