"""Log-in, log-out, lock-out, rate limit, CSRF and cookie flags over real HTTP."""
from __future__ import annotations

import httpx
import pytest
from sqlalchemy import func, select

from handoff.models import AuditLog, UserSession
from tests.handoff.liveserver import PASSWORD, add_user, login, running_hub, hub_settings

pytestmark = pytest.mark.asyncio


async def _form_token(client: httpx.AsyncClient) -> str:
    page = await client.get("/console/login")
    return page.text.split('name="form_token" value="', 1)[1].split('"', 1)[0]


async def _attempt(client: httpx.AsyncClient, username: str, password: str) -> httpx.Response:
    return await client.post("/console/login", data={
        "username": username, "password": password, "form_token": await _form_token(client)})


async def test_login_then_logout_ends_the_session_in_the_database(sessionmaker, database_url) -> None:
    name = await add_user(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        client = await login(url, name)
        assert (await client.get("/console/")).status_code == 200
        async with sessionmaker() as session:
            assert await session.scalar(select(func.count()).select_from(UserSession)) == 1
        out = await client.post("/console/logout", data={"csrf_token": client.csrf})
        assert out.status_code == 303 and out.headers["location"] == "/console/login"
        after = await client.get("/console/")
        assert after.status_code == 303 and after.headers["location"].startswith("/console/login")
        async with sessionmaker() as session:
            assert await session.scalar(select(func.count()).select_from(UserSession)) == 0
            actions = list(await session.scalars(select(AuditLog.action).order_by(AuditLog.id)))
        assert actions == ["login", "logout"]
        await client.aclose()


async def test_wrong_password_and_unknown_user_read_the_same(sessionmaker, database_url) -> None:
    name = await add_user(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        async with httpx.AsyncClient(base_url=url) as client:
            wrong = await _attempt(client, name, "not the password at all")
            unknown = await _attempt(client, "nobody", "not the password at all")
    assert wrong.status_code == unknown.status_code == 401
    assert "Kirjautuminen ei onnistunut" in wrong.text and "Kirjautuminen ei onnistunut" in unknown.text
    assert not any("neuvo_session" in v for k, v in wrong.headers.multi_items() if k.lower() == "set-cookie")


async def test_lockout_after_max_failures_refuses_even_the_right_password(sessionmaker, database_url) -> None:
    name = await add_user(sessionmaker)
    settings = hub_settings(database_url, login_max_failures=3, login_lockout_minutes=15)
    async with running_hub(settings) as (url, _app):
        async with httpx.AsyncClient(base_url=url) as client:
            codes = [(await _attempt(client, name, f"wrong password {i}")).status_code for i in range(3)]
            locked = await _attempt(client, name, PASSWORD)
    assert codes == [401, 401, 401]
    assert locked.status_code == 401 and "Liian monta yritystä" in locked.text
    async with sessionmaker() as session:
        reasons = [d["reason"] for d in await session.scalars(
            select(AuditLog.details).where(AuditLog.action == "login.refused").order_by(AuditLog.id))]
    assert reasons == ["BadCredentials", "BadCredentials", "LockedOut", "LockedOut"]


async def test_rate_limit_per_address_answers_429(sessionmaker, database_url) -> None:
    name = await add_user(sessionmaker)
    settings = hub_settings(database_url, login_attempts_per_ip_per_minute=4, login_max_failures=100)
    async with running_hub(settings) as (url, _app):
        async with httpx.AsyncClient(base_url=url) as client:
            codes = [(await _attempt(client, name, "wrong password here")).status_code for _ in range(4)]
            limited = await _attempt(client, name, PASSWORD)
    assert codes == [401] * 4
    assert limited.status_code == 429


async def test_login_form_without_its_token_is_refused(sessionmaker, database_url) -> None:
    name = await add_user(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        async with httpx.AsyncClient(base_url=url) as client:
            response = await client.post("/console/login", data={"username": name, "password": PASSWORD})
    assert response.status_code == 403


async def test_state_change_without_csrf_token_is_refused(sessionmaker, database_url) -> None:
    name = await add_user(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        client = await login(url, name)
        no_token = await client.post("/console/api/presence", json={"available": True})
        wrong = await client.post("/console/api/presence", json={"available": True},
                                  headers={"X-CSRF-Token": "0" * 64})
        form = await client.post("/console/logout", data={})
        good = await client.post("/console/api/presence", json={"available": True},
                                 headers={"X-CSRF-Token": client.csrf})
        await client.aclose()
    assert (no_token.status_code, wrong.status_code, form.status_code) == (403, 403, 403)
    assert good.status_code == 200


async def test_session_cookie_flags_in_production_like_settings(sessionmaker, database_url) -> None:
    name = await add_user(sessionmaker)
    settings = hub_settings(database_url, cookie_secure=True, session_hours=8)
    async with running_hub(settings) as (url, _app):
        async with httpx.AsyncClient(base_url=url) as client:
            page = await client.get("/console/login")
            token = page.text.split('name="form_token" value="', 1)[1].split('"', 1)[0]
            # The login-form cookie is Secure too, so httpx will not send it over http: send it by hand.
            response = await client.post(
                "/console/login", data={"username": name, "password": PASSWORD, "form_token": token},
                headers={"Cookie": f"neuvo_login={token}"})
    assert response.status_code == 303
    cookie = next(v for k, v in response.headers.multi_items()
                  if k.lower() == "set-cookie" and v.startswith("__Host-neuvo_session="))
    flags = {part.strip().split("=")[0].lower(): part.strip() for part in cookie.split(";")}
    assert "secure" in flags and "httponly" in flags
    assert flags["samesite"].lower() == "samesite=strict"
    assert flags["max-age"].lower() == f"max-age={8 * 3600}"
    assert flags["path"] == "Path=/" and "domain" not in flags


async def test_expired_session_is_refused(sessionmaker, database_url) -> None:
    from sqlalchemy import update

    from handoff.models import utcnow

    name = await add_user(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        client = await login(url, name)
        async with sessionmaker.begin() as session:
            await session.execute(update(UserSession).values(expires_at=utcnow()))
        response = await client.get("/console/api/queue")
        await client.aclose()
    assert response.status_code == 401
