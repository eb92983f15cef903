"""Console work with sentinel values leaves no password, token, text, phone number or henkilötunnus in any log."""
from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from handoff.models import Callback
from tests.handoff.liveserver import PASSWORD, add_user, csrf_headers, login, running_hub, hub_settings, waiting_conversation

pytestmark = pytest.mark.asyncio
HETU = "131052-308T"
PHONE = "0401234567"
RESIDENT = f"SENTINEL-resident hetu {HETU} puh {PHONE}"
COUNSELLOR = "SENTINEL-counsellor-reply"
NOTE = "SENTINEL-note"
# The levels `serve` runs with (INFO), and our own loggers even at DEBUG. Library DEBUG
# output (aiosqlite echoes SQL parameters there) is off in production.
LOGGERS = {"": logging.INFO, "sanic.root": logging.INFO, "sanic.error": logging.INFO, "sanic.access": logging.INFO,
           "sanic.server": logging.INFO, "neuvo": logging.DEBUG, "handoff": logging.DEBUG}


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(logging.Formatter("%(name)s %(levelname)s %(message)s").format(record))


async def test_console_logs_carry_no_personal_data_or_secrets(sessionmaker, database_url) -> None:
    collector = Collect()
    previous = {}
    for name, level in LOGGERS.items():
        logger = logging.getLogger(name)
        previous[name] = logger.level
        logger.addHandler(collector)
        logger.setLevel(level)
    try:
        name = await add_user(sessionmaker)
        conversation_id, handoff_id = await waiting_conversation(sessionmaker, text=RESIDENT)
        async with sessionmaker.begin() as session:
            session.add(Callback(phone=PHONE, preferred_time=HETU, level="urgent", reason="queue_full"))
        async with running_hub(hub_settings(database_url)) as (url, _app):
            client = await login(url, name)
            token = next(v for k, v in client.cookies.items() if "neuvo_session" in k)
            await client.post("/console/login", data={"username": name, "password": "wrong " + PASSWORD})
            await client.post(f"/console/api/handoffs/{handoff_id}/claim", headers=csrf_headers(client))
            await client.get(f"/console/conversations/{conversation_id}")
            await client.post(f"/console/api/conversations/{conversation_id}/messages",
                              json={"text": COUNSELLOR}, headers=csrf_headers(client))
            await client.post(f"/console/api/conversations/{conversation_id}/notes", json={"text": NOTE},
                              headers=csrf_headers(client))
            await client.get("/console/callbacks")
            async with sessionmaker() as session:
                callback_id = await session.scalar(select(Callback.id))
            await client.post(f"/console/callbacks/{callback_id}/done",
                              data={"outcome": "advice_given", "csrf_token": client.csrf})
            await client.post(f"/console/api/conversations/{conversation_id}/close",
                              json={"outcome": "advice_given", "then": "end"}, headers=csrf_headers(client))
            await client.aclose()
    finally:
        for name_, level in previous.items():
            logging.getLogger(name_).removeHandler(collector)
            logging.getLogger(name_).setLevel(level)
    text = "\n".join(collector.lines)
    assert any("log-in" in line for line in collector.lines), "the collector did not see the hub's own lines"
    for secret in (PASSWORD, token, client.csrf, HETU, PHONE, "SENTINEL"):
        assert secret not in text, secret
