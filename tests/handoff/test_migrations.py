"""Alembic migrations build exactly the schema the models describe."""
from __future__ import annotations

import asyncio

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from handoff.db import make_engine
from handoff.migrate import alembic_config, upgrade
from handoff.models import Base


def _differences(url: str) -> list:
    async def run() -> list:
        engine = make_engine(url)
        async with engine.connect() as conn:
            diff = await conn.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
            )
        await engine.dispose()
        return diff

    return asyncio.run(run())


def test_upgrade_to_head_matches_the_models(database_url: str) -> None:
    upgrade(database_url)
    assert _differences(database_url) == []


def test_downgrade_to_base_and_up_again(database_url: str) -> None:
    upgrade(database_url)
    command.downgrade(alembic_config(database_url), "base")
    upgrade(database_url)
    assert _differences(database_url) == []
