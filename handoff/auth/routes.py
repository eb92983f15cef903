"""Log-in and log-out pages (the only console route anonymous visitors may call is the log-in).

The log-in form has its own CSRF protection before any session exists: a
random value in a SameSite=Strict cookie that the form must echo (double
submit). Every refusal reads the same, whether the name, the password or a
lock-out was the reason; the audit log records which.
"""
from __future__ import annotations

import hmac
import logging
import secrets
from datetime import timedelta

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, html, redirect
from sqlalchemy import update

from handoff import audit
from handoff.auth import guards, ratelimit, sessions
from handoff.auth.users import LockedOut, LoginRefused, check_credentials
from handoff.console.html import e, page
from handoff.models import User, utcnow
from handoff.settings import Settings
from handoff.web.security import client_address

log = logging.getLogger("neuvo.hub.auth")
LOGIN_COOKIE = "neuvo_login"
REFUSED = "Kirjautuminen ei onnistunut. Tarkista tunnus ja salasana. (Log-in failed.)"
LOCKED = "Liian monta yritystä. Yritä myöhemmin uudelleen. (Too many attempts: try again later.)"


def _safe_next(target: str) -> str:
    """Only console paths on this site (no open redirect)."""
    if target.startswith("/console/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/console/"


def _login_page(request: Request, *, message: str = "", status: int = 200) -> HTTPResponse:
    settings: Settings = request.app.ctx.settings
    form_token = secrets.token_urlsafe(24)
    notice = f'<p class="error" role="alert">{e(message)}</p>' if message else ""
    body = (
        f"{notice}<form method=\"post\" action=\"/console/login\" class=\"login\">"
        f'<input type="hidden" name="form_token" value="{e(form_token)}">'
        f'<input type="hidden" name="next" value="{e(_safe_next(request.args.get("next", "")))}">'
        '<label for="username">Käyttäjätunnus</label>'
        '<input id="username" name="username" autocomplete="username" required maxlength="64" autofocus>'
        '<label for="password">Salasana</label>'
        '<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256">'
        '<button type="submit">Kirjaudu</button></form>'
    )
    response = html(page("Kirjaudu", body), status=status)
    response.add_cookie(LOGIN_COOKIE, form_token, path="/console/login", secure=settings.cookie_secure,
                        httponly=True, samesite="Strict", max_age=1800)
    return response


@guards.public
async def login_form(request: Request) -> HTTPResponse:
    return _login_page(request)


@guards.public
async def login_submit(request: Request) -> HTTPResponse:
    settings: Settings = request.app.ctx.settings
    form = request.form or {}
    cookie_token = request.cookies.get(LOGIN_COOKIE) or ""
    if not cookie_token or not hmac.compare_digest(cookie_token, form.get("form_token") or ""):
        return _login_page(request, message="Lomake vanheni, yritä uudelleen. (The form expired.)", status=403)
    address = client_address(request)
    sessionmaker = request.app.ctx.sessionmaker
    now = utcnow()
    async with sessionmaker.begin() as session:
        allowed = await ratelimit.hit(
            session, bucket="login", key=ratelimit.address_key(settings.secret_key, address),
            limit=settings.login_attempts_per_ip_per_minute, window=timedelta(minutes=1), now=now,
        )
    if not allowed:
        log.warning("log-in rate limit reached for an address")
        return _login_page(request, message=LOCKED, status=429)
    refusal, token = None, ""
    async with sessionmaker.begin() as session:
        try:
            user = await check_credentials(
                session, username=form.get("username") or "", password=form.get("password") or "",
                max_failures=settings.login_max_failures, lockout_minutes=settings.login_lockout_minutes, now=now,
            )
            token = await sessions.create_session(session, user_id=user.id, hours=settings.session_hours, now=now)
            await audit.record(session, actor_id=user.id, action="login", target=f"user:{user.id}", ip=address)
        except LoginRefused as refused:
            refusal = refused
            await audit.record(session, actor_id=None, action="login.refused", target="console",
                               details={"reason": type(refused).__name__}, ip=address)
    if refusal is not None:
        log.info("log-in refused (%s)", type(refusal).__name__)
        return _login_page(request, message=LOCKED if isinstance(refusal, LockedOut) else REFUSED, status=401)
    log.info("log-in: user %s", user.id)
    response = redirect(_safe_next(form.get("next") or ""), status=303)
    guards.set_session_cookie(response, settings, token)
    response.add_cookie(LOGIN_COOKIE, "", path="/console/login", secure=settings.cookie_secure,
                        httponly=True, samesite="Strict", max_age=0)
    return response


@guards.roles(*guards.ALL_ROLES)
async def logout(request: Request) -> HTTPResponse:
    settings: Settings = request.app.ctx.settings
    user: guards.Principal = request.ctx.user
    async with request.app.ctx.sessionmaker.begin() as session:
        await sessions.revoke(session, token=request.cookies.get(guards.cookie_name(settings)) or "")
        await session.execute(update(User).where(User.id == user.user_id).values(available=False))
        await audit.record(session, actor_id=user.user_id, action="logout", target=f"user:{user.user_id}",
                           ip=client_address(request))
    response = redirect(guards.LOGIN_PATH, status=303)
    guards.clear_session_cookie(response, settings)
    return response


def auth_blueprint() -> Blueprint:
    blueprint = Blueprint("console_auth", url_prefix="/console")
    blueprint.add_route(login_form, "/login", methods=["GET"], name="login_form")
    blueprint.add_route(login_submit, "/login", methods=["POST"], name="login_submit")
    blueprint.add_route(logout, "/logout", methods=["POST"], name="logout")
    return guards.install(blueprint)
