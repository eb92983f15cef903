"""No default user: the hub's start says how to create the first admin, until one exists."""
from __future__ import annotations

import pytest

from tests.handoff.liveserver import add_user, running_hub, hub_settings

pytestmark = pytest.mark.asyncio


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_start_prints_the_first_admin_hint_only_while_no_admin_exists(sessionmaker, database_url,
                                                                            capsys) -> None:
    settings = hub_settings(database_url, environment="development")
    async with running_hub(settings):
        pass
    assert "neuvo user add NAME --role admin" in capsys.readouterr().out
    await add_user(sessionmaker, "admin")
    async with running_hub(settings):
        pass
    assert "neuvo user add" not in capsys.readouterr().out
