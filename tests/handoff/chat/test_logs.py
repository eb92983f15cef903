"""Chat traffic with sentinel values leaves no message text, phone number or henkilötunnus in any log."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.handoff.chathub import NEVER_OPEN, FakeBot, Resident, chat_settings, running_chat_hub

pytestmark = pytest.mark.asyncio
HETU = "131052-308T"
PHONE = "0401234567"
TEXT = f"SENTINEL-chat hetu {HETU} puh {PHONE}"
LOGGERS = ("", "neuvo", "handoff", "sanic.root", "sanic.error", "sanic.access", "uvicorn", "uvicorn.error",
           "socketio", "engineio", "httpx", "aiohttp")


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(logging.Formatter("%(name)s %(levelname)s %(message)s %(exc_text)s").format(record))


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_chat_logs_carry_no_personal_data(database_url, sessionmaker, tmp_path: Path) -> None:
    collector = Collect()
    previous = {}
    for name in LOGGERS:
        logger = logging.getLogger(name)
        previous[name] = logger.level
        logger.addHandler(collector)
        logger.setLevel(logging.DEBUG if name in ("neuvo", "handoff") else logging.INFO)
    organisation = tmp_path / "organisation.yml"
    organisation.write_text(NEVER_OPEN, encoding="utf-8")
    bot = FakeBot()  # down at first: the failure path logs too
    bot.reply = lambda text: [{"text": f"kaiku {text}"}, {"custom": {"neuvo": {
        "event": "handoff", "level": "urgent", "markers": [], "reason": "callback_request", "language": "fi",
        "intake": {"summary": text}, "callback": {"phone": PHONE, "preferred_time": TEXT, "reason": "outside_hours"}}}}]
    try:
        async with running_chat_hub(chat_settings(database_url, bot.url, organisation)) as (base_url, _app):
            resident = Resident(base_url)
            await resident.connect()
            await resident.say(TEXT)
            await resident.wait("bot_uttered")
            await bot.start()
            await resident.wait("bot_uttered", lambda m: m["sender"] == "bot", timeout=15)
            await resident.client.emit("user_uttered", {"message": TEXT * 200})
            await resident.client.emit("neuvo_callback", {"phone": PHONE, "preferred_time": TEXT, "consent": True})
            await resident.client.emit("user_uttered", {"message": {"nested": TEXT}})
            await resident.wait("neuvo_error", count=2)
            await resident.close()
    finally:
        await bot.stop()
        for name in LOGGERS:
            logging.getLogger(name).removeHandler(collector)
            logging.getLogger(name).setLevel(previous[name])
    text = "\n".join(collector.lines)
    assert "bot unavailable" in text  # the logs do say what happened ...
    for secret in (HETU, PHONE, "SENTINEL"):
        assert secret not in text  # ... without what the resident wrote
