"""The counsellor console: queue, claim, conversation, callbacks, phone contacts, statistics, admin.

Server-rendered pages with small vanilla scripts from /console/static (CSP
'self' only, no inline script or style); every route is guarded by
`handoff.auth.guards`.
"""
from __future__ import annotations

from sanic import Blueprint

from handoff.console.assets import static_blueprint


def blueprints() -> list[Blueprint]:
    """Fresh blueprints for one app (tests build several apps in one process)."""
    from handoff.auth.routes import auth_blueprint
    from handoff.console.admin import admin_blueprint
    from handoff.console.api import api_blueprint
    from handoff.console.pages import pages_blueprint

    return [static_blueprint(), auth_blueprint(), pages_blueprint(), api_blueprint(), admin_blueprint()]


def register(app) -> None:
    """Adds the console's blueprints to the app (one line in create_app).

    At start, when no admin exists, prints how to create the first one (there
    is no default user or password).
    """
    for blueprint in blueprints():
        app.blueprint(blueprint)

    @app.after_server_start
    async def print_first_run_hint(app) -> None:
        from handoff.auth.users import first_run_hint

        if app.ctx.settings.environment != "test":
            hint = await first_run_hint(app.ctx.sessionmaker)
            if hint:
                print(hint, flush=True)
