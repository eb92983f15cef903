"""Helpers for the chat tests: the hub on a real port (uvicorn, as served), a
scriptable stand-in for the bot's private channel, and a resident's socket."""
from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Optional

import socketio
import uvicorn
from aiohttp import web

from handoff.app import create_app
from handoff.settings import Settings
from tests.handoff.liveserver import free_port

BOT_TOKEN = "b" * 40
_ids = itertools.count(1)

ALWAYS_OPEN = """
facts:
  polku_phone: {value: "03 555 0100"}
  emergency_number: {value: "112"}
  crisis_line_fi: {value: "09 2525 0111"}
  privacy_notice_url: {value: "https://example.org/tietosuoja"}
  chat_hours: {text: {fi: "aina", sv: "alltid", en: "always"}}
service_hours:
  timezone: Europe/Helsinki
  weekly: {mon: ["00:00-23:59"], tue: ["00:00-23:59"], wed: ["00:00-23:59"], thu: ["00:00-23:59"],
           fri: ["00:00-23:59"], sat: ["00:00-23:59"], sun: ["00:00-23:59"]}
"""
NEVER_OPEN = ALWAYS_OPEN.split("service_hours:")[0] + """service_hours:
  timezone: Europe/Helsinki
  weekly: {}
  closed_dates: []
"""


def chat_settings(database_url: str, rasa_url: str, organisation: Path, **overrides: Any) -> Settings:
    base = Settings(secret_key="s" * 40, bot_token=BOT_TOKEN, environment="test", database_url=database_url,
                    cookie_secure=False, rasa_url=rasa_url, rasa_timeout_seconds=3.0,
                    organisation_file=organisation)
    return replace(base, **overrides)


@contextlib.asynccontextmanager
async def running_chat_hub(settings: Settings) -> AsyncIterator[tuple[str, Any]]:
    """The hub as `python -m handoff serve` runs it (Sanic + socket.io under uvicorn)."""
    app = create_app(settings)
    app.config.TOUCHUP = False
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(
        app.ctx.asgi, host="127.0.0.1", port=port, lifespan="on", log_config=None,
        ws_max_size=settings.websocket_max_bytes, timeout_graceful_shutdown=1,
    ))
    task = asyncio.get_running_loop().create_task(server.serve())
    deadline = time.monotonic() + 20
    while not server.started:
        if task.done() or time.monotonic() > deadline:
            raise RuntimeError("hub did not start")
        await asyncio.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", app
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 30)


class FakeBot:
    """The bot's private channel, scripted: records calls, can be down, answers by rules.

    `reply(text) -> list of messages` decides the answer; the default echoes.
    """

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.calls: list[dict[str, Any]] = []
        self.processed: dict[str, list[dict[str, Any]]] = {}
        self.reply: Callable[[str], list[dict[str, Any]]] = lambda text: [{"text": f"Vastaus: {text}"}]
        self.status: Optional[int] = None  # answer this status instead of processing
        # The triage-only endpoint: `triage(text) -> {"level", "markers", "language"}`.
        self.triage: Callable[[str], dict[str, Any]] = lambda text: {"level": "none", "markers": [], "language": None}
        self.triage_calls: list[str] = []
        self.triage_status: Optional[int] = None  # answer this status to triage requests
        self._runner: Optional[web.AppRunner] = None

    async def _handle(self, request: web.Request) -> web.Response:
        if request.headers.get("Authorization") != f"Bearer {BOT_TOKEN}":
            return web.json_response({"error": "unauthorised"}, status=401)
        body = await request.json()
        self.calls.append(body)
        if self.status is not None:
            return web.json_response({"error": "down"}, status=self.status)
        key = f"{body['sender']}:{body['message_id']}"
        if key in self.processed:
            return web.json_response({"message_id": body["message_id"], "duplicate": True,
                                      "messages": self.processed[key]})
        messages = [] if body.get("event") == "handback" else self.reply(body.get("text", ""))
        self.processed[key] = messages
        return web.json_response({"message_id": body["message_id"], "duplicate": False, "messages": messages})

    async def _handle_triage(self, request: web.Request) -> web.Response:
        if request.headers.get("Authorization") != f"Bearer {BOT_TOKEN}":
            return web.json_response({"error": "unauthorised"}, status=401)
        text = (await request.json()).get("text", "")
        self.triage_calls.append(text)
        if self.triage_status is not None:
            return web.json_response({"error": "down"}, status=self.triage_status)
        return web.json_response(self.triage(text))

    def processed_texts(self, sender: str) -> list[str]:
        return [c.get("text", "") for c in self.calls
                if c["sender"] == sender and not c.get("event") and self.status is None]

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/webhooks/neuvo_hub/webhook", self._handle)
        app.router.add_post("/webhooks/neuvo_hub/triage", self._handle_triage)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


class Resident:
    """A resident's socket.io client that keeps every event it receives."""

    def __init__(self, base_url: str, transport: str = "websocket") -> None:
        self.base_url = base_url
        self.transport = transport
        self.client = socketio.AsyncClient(reconnection=False)
        self.events: list[tuple[str, Any]] = []
        self._changed = asyncio.Event()
        self.client.on("*", self._record)

    async def _record(self, event: str, *args: Any) -> None:
        self.events.append((event, args[0] if args else None))
        self._changed.set()

    async def connect(self, session_id: Optional[str] = None, **extra: Any) -> str:
        await self.client.connect(self.base_url, transports=[self.transport], wait_timeout=10)
        await self.client.emit("session_request", {"session_id": session_id, **extra})
        return await self.wait("session_confirm")

    async def say(self, text: str, client_msg_id: Optional[str] = None, **extension: Any) -> dict[str, Any]:
        client_msg_id = client_msg_id or f"c{next(_ids)}"
        await self.client.emit("user_uttered", {"message": text, "neuvo": {"client_msg_id": client_msg_id, **extension}})
        return await self.wait("neuvo_ack", lambda a: a.get("client_msg_id") == client_msg_id)

    def of(self, event: str) -> list[Any]:
        return [data for name, data in self.events if name == event]

    async def wait(self, event: str, predicate: Callable[[Any], bool] = lambda _d: True,
                   timeout: float = 15, count: int = 1) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            found = [d for d in self.of(event) if predicate(d)]
            if len(found) >= count:
                return found[count - 1]
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no {event!r} within {timeout} s; got {[n for n, _ in self.events]}")
            self._changed.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(remaining, 0.5))

    async def close(self) -> None:
        # A long-polling client would otherwise wait for its pending poll (up to 25 s).
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.client.disconnect(), 2)


async def wait_until(page, expression: str, timeout: float = 15) -> None:
    """Polls a JavaScript expression (wait_for_function would need eval, which the CSP forbids)."""
    for _ in range(int(timeout * 10)):
        if await page.evaluate(expression):
            return
        await page.wait_for_timeout(100)
    raise AssertionError(f"not true within {timeout} s: {expression}")
