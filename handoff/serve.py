"""`python -m handoff serve`: migrate, then run the hub (Sanic + socket.io under uvicorn).

Outside production the development secrets are generated once into
var/hub-secrets.env (git-ignored); production refuses to start without them.
"""
from __future__ import annotations

import argparse
import logging
import sys

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="address to listen on (default NEUVO_HUB_HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default NEUVO_HUB_PORT or 8080)")
    parser.add_argument("--no-migrate", action="store_true", help="do not upgrade the database schema first")


def _configure_logging(settings) -> None:
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if settings.log_dir is not None:
        settings.log_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(settings.log_dir / "hub.log", encoding="utf-8"))
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT, handlers=handlers, force=True)
    # Access lines would carry paths and query strings; ours are pseudonymous.
    logging.getLogger("uvicorn.access").disabled = True


def run(args: argparse.Namespace) -> int:
    import os
    from dataclasses import replace

    import uvicorn

    from handoff.app import create_app
    from handoff.migrate import upgrade
    from handoff.settings import SettingsError, ensure_dev_secrets, load_settings

    if os.environ.get("NEUVO_ENV", "development") != "production" and not os.environ.get("NEUVO_HUB_SECRETS_FILE"):
        ensure_dev_secrets()
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"The hub cannot start: {error}", file=sys.stderr)
        return 2
    settings = replace(settings, host=args.host or settings.host, port=args.port or settings.port)
    _configure_logging(settings)
    if settings.database_url.startswith("sqlite"):
        path = settings.database_url.split(":///", 1)[-1]
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    if not args.no_migrate:
        upgrade(settings.database_url)
    app = create_app(settings)
    app.config.MOTD = False
    base = f"http://{settings.host}:{settings.port}"
    print(f"Resident chat: {base}/chat/\nCounsellor console: {base}/console/", flush=True)
    uvicorn.run(
        app.ctx.asgi, host=settings.host, port=settings.port, log_level="warning", access_log=False,
        ws_max_size=settings.websocket_max_bytes, timeout_keep_alive=15, lifespan="on",
        # engine.io's own heartbeat (ping every 25 s, 20 s to answer) already finds dead sockets;
        # uvicorn's WebSocket ping on top would be a second timer and frame per resident.
        ws_ping_interval=None,
        log_config=None,
    )
    return 0
