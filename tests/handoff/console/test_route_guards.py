"""Every console and editor route refuses anonymous requests, and wrong roles get 403.

The routes are read from app.router, so a route added later is covered
without touching this test (and fails it if it forgets its guard).
"""
from __future__ import annotations

import re

import httpx
import pytest

from handoff.app import create_app
from tests.handoff.liveserver import add_user, login, running_hub, hub_settings

pytestmark = pytest.mark.asyncio

PUBLIC = {("GET", "/console/login"), ("POST", "/console/login")}
PREFIXES = ("console", "editor")
PARAM = re.compile(r"<([^:>]+)(?::([^>]+))?>")


def _concrete(path: str) -> str:
    """Fills route parameters with harmless values of the right type."""
    def value(match: re.Match) -> str:
        kind = (match.group(2) or "str").lower()
        return "1" if kind in {"int", "number", "float"} else "abcdef12"
    return "/" + PARAM.sub(value, path).lstrip("/")


def guarded_routes(settings) -> list[tuple[str, str, str]]:
    """(method, concrete path, route name) for every console/editor route except log-in and static files."""
    app = create_app(settings)
    found = []
    for route in app.router.routes:
        path = "/" + route.path.lstrip("/")
        if not path.lstrip("/").startswith(PREFIXES) or "static" in route.name:
            continue
        for method in sorted(route.methods - {"HEAD", "OPTIONS"}):
            if (method, path.rstrip("/") or "/") in PUBLIC or (method, path) in PUBLIC:
                continue
            found.append((method, _concrete(path), route.name))
    return found


async def test_every_console_route_refuses_anonymous_requests(sessionmaker, database_url) -> None:
    settings = hub_settings(database_url)
    routes = guarded_routes(settings)
    assert len(routes) >= 25, routes  # the walk really sees the console
    async with running_hub(settings) as (url, _app):
        async with httpx.AsyncClient(base_url=url, follow_redirects=False) as client:
            for method, path, name in routes:
                response = await client.request(method, path, json={} if method != "GET" else None)
                if "/api/" in path:
                    assert response.status_code == 401, (method, path, name, response.status_code)
                    assert response.json()["status"] == 401
                else:
                    assert response.status_code == 303, (method, path, name, response.status_code)
                    assert response.headers["location"].startswith("/console/login"), (method, path)


async def test_wrong_roles_get_403(sessionmaker, database_url) -> None:
    counsellor = await add_user(sessionmaker, "counsellor")
    editor = await add_user(sessionmaker, "editor")
    settings = hub_settings(database_url)
    async with running_hub(settings) as (url, _app):
        as_counsellor = await login(url, counsellor)
        as_editor = await login(url, editor)
        admin_only = [r for r in guarded_routes(settings) if "/console/admin/" in r[1]]
        counselling = [r for r in guarded_routes(settings)
                       if not r[1].startswith(("/console/admin/", "/editor")) and r[2].split(".")[-1] != "logout"
                       and not r[2].endswith(".landing")]
        assert admin_only and counselling
        for client, routes in ((as_counsellor, admin_only), (as_editor, counselling + admin_only)):
            for method, path, name in routes:
                response = await client.request(method, path, headers={"X-CSRF-Token": client.csrf},
                                                data={"csrf_token": client.csrf} if method != "GET" else None)
                assert response.status_code == 403, (client is as_editor, method, path, response.status_code)
        # The landing page welcomes every role but shows an editor no counselling tools.
        landing = await as_editor.get("/console/")
        assert landing.status_code == 200 and "Jono" not in landing.text.split("<main", 1)[1]
        await as_counsellor.aclose()
        await as_editor.aclose()


async def test_disabled_user_loses_access_at_once(sessionmaker, database_url) -> None:
    from handoff.auth.users import set_disabled

    name = await add_user(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        client = await login(url, name)
        assert (await client.get("/console/api/queue")).status_code == 200
        async with sessionmaker.begin() as session:
            await set_disabled(session, username=name, disabled=True)
        assert (await client.get("/console/api/queue")).status_code == 401
        await client.aclose()
