"""Editor tools (issue 5): topics (answers, metadata, examples), the inbox of unclear wordings, and publishing.

Pages are rendered on the server in the console's look (handoff/console/html.py);
every route is guarded for the editor and admin roles (handoff/auth/guards.py).
The content itself is the bot side's: the publisher (bot/publisher) is reached
over HTTP with its own token.
"""
from __future__ import annotations

from sanic import Sanic


def register(app: Sanic) -> None:
    """The editor blueprint and the publisher client (one line in create_app)."""
    from handoff.editor.publisher import PublisherClient
    from handoff.editor.routes import editor_blueprint

    app.blueprint(editor_blueprint())

    @app.before_server_start
    async def open_publisher(app: Sanic) -> None:
        settings = app.ctx.settings
        app.ctx.publisher = PublisherClient(settings.publisher_url, settings.publisher_token)

    @app.after_server_stop
    async def close_publisher(app: Sanic) -> None:
        await app.ctx.publisher.close()
