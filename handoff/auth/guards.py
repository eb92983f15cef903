"""Route guards: every console route needs a live session and one of its roles.

Fail closed: the guard runs for every route of a guarded blueprint, and a
route that declares no roles is refused to everybody. State-changing requests
also need the session's CSRF token (form field `csrf_token` or header
`X-CSRF-Token`). Pages answer anonymous requests with a redirect to the log-in
page, APIs (paths with `/api/`) with 401 JSON; wrong roles get 403.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional
from urllib.parse import quote

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, html, json, redirect

from handoff.auth import sessions
from handoff.models import utcnow
from handoff.settings import Settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOGIN_PATH = "/console/login"
ALL_ROLES = ("counsellor", "editor", "admin")


@dataclass(frozen=True)
class Principal:
    """The logged-in user of one request."""

    user_id: int
    username: str
    role: str
    session_id: str
    csrf: str


def roles(*allowed: str) -> Callable:
    """Marks a handler with the roles that may call it (apply below the route decorator)."""
    def mark(handler: Callable) -> Callable:
        handler.__neuvo_roles__ = frozenset(allowed)
        return handler
    return mark


def public(handler: Callable) -> Callable:
    """Marks a handler that anonymous visitors may call (the log-in page only)."""
    handler.__neuvo_public__ = True
    return handler


def cookie_name(settings: Settings) -> str:
    # The __Host- prefix makes browsers refuse the cookie unless Secure, path=/, no domain.
    return "__Host-neuvo_session" if settings.cookie_secure else "neuvo_session"


def set_session_cookie(response: HTTPResponse, settings: Settings, token: str) -> None:
    response.add_cookie(
        cookie_name(settings), token, path="/", secure=settings.cookie_secure, httponly=True,
        samesite="Strict", max_age=settings.session_hours * 3600,
    )


def clear_session_cookie(response: HTTPResponse, settings: Settings) -> None:
    response.add_cookie(
        cookie_name(settings), "", path="/", secure=settings.cookie_secure, httponly=True,
        samesite="Strict", max_age=0,
    )


def is_api(request: Request) -> bool:
    return "/api/" in request.path


async def authenticate(request: Request) -> Optional[Principal]:
    """The request's principal from the session cookie, or None."""
    settings: Settings = request.app.ctx.settings
    token = request.cookies.get(cookie_name(settings)) or ""
    if not token:
        return None
    sessionmaker = request.app.ctx.sessionmaker
    now = utcnow()
    async with sessionmaker() as session:
        found = await sessions.load_session(session, token=token, now=now)
    if found is None:
        return None
    user_session, user = found
    if sessions.stale(user_session, now=now):
        async with sessionmaker.begin() as session:
            await sessions.touch(session, session_id=user_session.id, now=now)
    return Principal(user.id, user.username, user.role, user_session.id,
                     sessions.csrf_token(settings.secret_key, token))


def _csrf_ok(request: Request, settings: Settings) -> bool:
    token = request.cookies.get(cookie_name(settings)) or ""
    candidate = request.headers.get("x-csrf-token")
    if not candidate and request.content_type.startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        candidate = request.form.get("csrf_token")
    return sessions.csrf_valid(settings.secret_key, token, candidate)


def _refuse(request: Request, status: int, message: str) -> HTTPResponse:
    if is_api(request):
        return json({"error": message, "status": status}, status=status)
    if status == 401:
        target = request.path if request.method == "GET" else "/console/"
        return redirect(f"{LOGIN_PATH}?next={quote(target, safe='/')}", status=303)
    return html(f"<!doctype html><meta charset=utf-8><title>{status}</title><p>{message}</p>"
                f"<p><a href=\"/console/\">Konsoli</a></p>", status=status)


async def guard(request: Request) -> Optional[HTTPResponse]:
    """Blueprint request middleware: authenticate, check the role, check CSRF."""
    handler = request.route.handler if request.route else None
    if handler is None or getattr(handler, "__neuvo_public__", False):
        return None
    principal = await authenticate(request)
    if principal is None:
        return _refuse(request, 401, "Kirjaudu sisään. (Log in first.)")
    allowed = getattr(handler, "__neuvo_roles__", frozenset())
    if principal.role not in allowed:
        return _refuse(request, 403, "Sinulla ei ole oikeutta tähän. (Your role does not allow this.)")
    if request.method not in SAFE_METHODS and not _csrf_ok(request, request.app.ctx.settings):
        return _refuse(request, 403, "Lomake vanheni: lataa sivu uudelleen. (Invalid CSRF token.)")
    request.ctx.user = principal
    return None


def install(blueprint: Blueprint) -> Blueprint:
    """Guards every route of the blueprint (call once, in the blueprint's factory)."""
    blueprint.on_request(guard)
    return blueprint
