"""`create_app(settings)`: the hub's one Sanic application factory.

Blueprints by audience: the resident chat (public), the counsellor console,
the editor tools, and the private bot-facing API. Resources (database engine,
HTTP client to Rasa) live on `app.ctx` and are created in listeners, so that
tests and `python -m handoff serve` build the same app.
"""
from __future__ import annotations

import itertools
import logging

from sanic import Request, Sanic
from sanic.response import json

from handoff.console import register as register_console
from handoff.chat.setup import setup_chat
from handoff.db import make_engine, make_sessionmaker
from handoff.editor import register as register_editor
from handoff.settings import Settings
from handoff.web.errors import FriendlyErrorHandler
from handoff.web.security import add_security_headers

log = logging.getLogger("neuvo.hub")
_app_numbers = itertools.count(1)


def create_app(settings: Settings) -> Sanic:
    """A configured app; the caller runs it (`handoff.serve`) or tests it."""
    app = Sanic(f"neuvo_hub_{next(_app_numbers)}", error_handler=FriendlyErrorHandler())
    app.config.REQUEST_MAX_SIZE = settings.request_max_bytes
    app.config.WEBSOCKET_MAX_SIZE = settings.websocket_max_bytes
    app.config.REQUEST_TIMEOUT = 30
    app.config.RESPONSE_TIMEOUT = 30
    app.config.KEEP_ALIVE_TIMEOUT = 15
    app.config.ACCESS_LOG = False  # access lines carry query strings; our own logs are pseudonymous
    app.config.FALLBACK_ERROR_FORMAT = "json"
    app.ctx.settings = settings

    @app.before_server_start
    async def open_database(app: Sanic) -> None:
        app.ctx.engine = make_engine(settings.database_url)
        app.ctx.sessionmaker = make_sessionmaker(app.ctx.engine)

    @app.after_server_stop
    async def close_database(app: Sanic) -> None:
        await app.ctx.engine.dispose()

    @app.get("/healthz")
    async def health(request: Request):
        return json({"status": "ok"})

    app.on_response(add_security_headers)
    _register_blueprints(app)
    return app


def _register_blueprints(app: Sanic) -> None:
    """Each audience's routes; one line each."""
    setup_chat(app)  # resident web chat, its socket.io (Rasa protocol) and the relay to Rasa
    register_console(app)  # counsellor console, its log-in and admin pages
    register_editor(app)  # editor tools: the inbox and publishing (through the bot side's publisher)
