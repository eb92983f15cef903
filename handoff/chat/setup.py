"""Mounts the resident chat on the hub: page, static files, socket.io, bot link.

The socket.io server runs as its own ASGI app next to Sanic (`app.ctx.asgi`,
served by uvicorn in `handoff.serve`): python-socketio's Sanic integration is
no longer maintained and breaks with current Sanic (python-socketio #1062:
errors after disconnect, no client address), while the ASGI pairing keeps
the two independent and supports both websocket and polling transports.
"""
from __future__ import annotations

import asyncio
from pathlib import Path

import socketio
from sanic import Blueprint, Request, Sanic
from sanic.response import file, json, redirect

from handoff.botlink.client import BotClient
from handoff.botlink.retry import retry_forever
from handoff.chat.sockets import create_socket_server
from handoff.organisation import load_organisation

STATIC_DIR = Path(__file__).resolve().parent / "static"
SOCKETIO_PATH = "socket.io"


def chat_blueprint() -> Blueprint:
    blueprint = Blueprint("resident_chat")
    blueprint.static("/static/chat", STATIC_DIR, name="chat_static")

    @blueprint.get("/")
    async def root(request: Request):
        return redirect("/chat/")

    @blueprint.get("/chat/")
    async def page(request: Request):
        return await file(STATIC_DIR / "index.html", mime_type="text/html; charset=utf-8")

    @blueprint.get("/chat/config.json")
    async def config(request: Request):
        """What the page shows besides the chat: numbers, links, limits."""
        organisation = request.app.ctx.organisation
        settings = request.app.ctx.settings
        return json({
            "emergency_number": organisation.emergency_number,
            "polku_phone": organisation.polku_phone,
            "crisis_line": {lang: organisation.crisis_line(lang) for lang in ("fi", "sv", "en")},
            "chat_hours": {lang: organisation.text("chat_hours", lang) for lang in ("fi", "sv", "en")},
            "privacy_notice_url": organisation.privacy_notice_url,
            "quick_exit_url": settings.quick_exit_url,
            "max_message_chars": settings.max_message_chars,
        })

    return blueprint


def setup_chat(app: Sanic) -> None:
    """Registers the chat's routes and socket.io server, and the bot link's resources."""
    settings = app.ctx.settings
    app.ctx.organisation = load_organisation(settings.organisation_file)
    app.ctx.relay_locks = {}
    app.ctx.background_tasks = set()
    # Held messages being triaged now, and when a failed one may be tried again (handoff/botlink/triage.py).
    app.ctx.triage_in_flight, app.ctx.triage_next_try = set(), {}
    app.blueprint(chat_blueprint())
    app.ctx.sio = create_socket_server(app)
    app.ctx.asgi = socketio.ASGIApp(app.ctx.sio, other_asgi_app=app, socketio_path=SOCKETIO_PATH)

    @app.before_server_start
    async def open_bot_link(app: Sanic) -> None:
        app.ctx.bot = BotClient(settings.rasa_url, settings.bot_token, settings.rasa_timeout_seconds)
        app.ctx.retry_task = asyncio.get_running_loop().create_task(retry_forever(app))

    @app.before_server_stop
    async def close_bot_link(app: Sanic) -> None:
        app.ctx.retry_task.cancel()
        for task in [app.ctx.retry_task, *app.ctx.background_tasks]:
            task.cancel()
        await asyncio.gather(app.ctx.retry_task, *app.ctx.background_tasks, return_exceptions=True)
        await app.ctx.bot.close()
