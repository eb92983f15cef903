"""Admin pages: read the audit log, manage users (add, role, disable, enable, unlock)."""
from __future__ import annotations

from urllib.parse import quote

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, html, redirect
from sqlalchemy import select

from handoff import audit
from handoff.auth import guards
from handoff.auth.guards import Principal
from handoff.auth.passwords import WeakPassword
from handoff.auth.users import ROLES, UserError, aware, create_user, list_users, set_disabled, set_role, unlock
from handoff.console.html import Raw, csrf_field, e, options, page, table
from handoff.models import User, utcnow
from handoff.web.security import client_address

PAGE_SIZE = 100


@guards.roles("admin")
async def audit_page(request: Request) -> HTTPResponse:
    user: Principal = request.ctx.user
    args = request.args
    try:
        before = int(args.get("before")) if args.get("before") else None
    except ValueError:
        before = None
    async with request.app.ctx.sessionmaker.begin() as session:
        rows = await audit.recent(session, limit=PAGE_SIZE, before_id=before, action=args.get("action") or None,
                                  target=args.get("target") or None)
        names = dict((await session.execute(select(User.id, User.username))).tuples().all())
        # Reading the audit log is itself recorded.
        await audit.record(session, actor_id=user.user_id, action="audit.read", target="audit_log",
                           details={"rows": len(rows)}, ip=client_address(request))
    filters = (
        '<form method="get" action="/console/admin/audit" class="inline">'
        f'<label for="action">Toiminto</label><input id="action" name="action" value="{e(args.get("action", ""))}">'
        f'<label for="target">Kohde</label><input id="target" name="target" value="{e(args.get("target", ""))}" '
        'placeholder="conversation:… tai conversation:*"><button type="submit">Suodata</button></form>'
    )
    body_rows = [(r.id, r.at.isoformat(timespec="seconds"), names.get(r.actor_id, "–"), r.action, r.target,
                  ", ".join(f"{k}={v}" for k, v in (r.details or {}).items()), r.ip or "") for r in rows]
    more = (f'<p><a href="/console/admin/audit?before={rows[-1].id}">Vanhemmat</a></p>'
            if len(rows) == PAGE_SIZE else "")
    body = filters + table(("#", "Aika (UTC)", "Käyttäjä", "Toiminto", "Kohde", "Tiedot", "Osoite"), body_rows) + more
    return html(page("Lokitiedot", body, user=user))


@guards.roles("admin")
async def users_page(request: Request) -> HTTPResponse:
    user: Principal = request.ctx.user
    async with request.app.ctx.sessionmaker() as session:
        users = await list_users(session)
    notice = f'<p class="error" role="alert">{e(request.args.get("error"))}</p>' if request.args.get("error") else ""

    def actions(u: User) -> Raw:
        base = f"/console/admin/users/{e(u.username)}"
        toggle = "enable" if u.disabled_at else "disable"
        label = "Ota käyttöön" if u.disabled_at else "Poista käytöstä"
        return Raw(
            f'<form method="post" action="{base}/role" class="inline">{csrf_field(user)}'
            f'<select name="role" aria-label="Rooli">{options(((r, r) for r in ROLES), u.role)}</select>'
            '<button type="submit">Vaihda</button></form>'
            f'<form method="post" action="{base}/{toggle}" class="inline">{csrf_field(user)}<button type="submit">{label}</button></form>'
            f'<form method="post" action="{base}/unlock" class="inline">{csrf_field(user)}<button type="submit">Avaa lukitus</button></form>'
        )

    now = utcnow()
    rows = [(u.username, u.role, "pois käytöstä" if u.disabled_at else (
             "lukittu" if u.locked_until and aware(u.locked_until) > now else "käytössä"),
             "kyllä" if u.available else "ei", actions(u)) for u in users]
    add = (
        f'<h2>Lisää käyttäjä</h2><form method="post" action="/console/admin/users" class="stack">{csrf_field(user)}'
        '<label for="new-name">Tunnus</label><input id="new-name" name="username" required maxlength="64">'
        f'<label for="new-role">Rooli</label><select id="new-role" name="role">{options(((r, r) for r in ROLES))}</select>'
        '<label for="new-password">Salasana (vähintään 12 merkkiä)</label>'
        '<input id="new-password" name="password" type="password" autocomplete="new-password" required minlength="12">'
        '<button type="submit">Lisää</button></form>'
    )
    body = notice + table(("Tunnus", "Rooli", "Tila", "Tavoitettavissa", ""), rows) + add
    return html(page("Käyttäjät", body, user=user))


async def _change(request: Request, action: str, change) -> HTTPResponse:
    user: Principal = request.ctx.user
    try:
        async with request.app.ctx.sessionmaker.begin() as session:
            changed = await change(session)
            await audit.record(session, actor_id=user.user_id, action=action, target=f"user:{changed.id}",
                               details={"role": changed.role}, ip=client_address(request))
    except (UserError, WeakPassword) as refused:
        return redirect(f"/console/admin/users?error={quote(str(refused))}", status=303)
    return redirect("/console/admin/users", status=303)


@guards.roles("admin")
async def user_add(request: Request) -> HTTPResponse:
    form = request.form
    return await _change(request, "user.add", lambda s: create_user(
        s, username=form.get("username") or "", password=form.get("password") or "", role=form.get("role") or ""))


@guards.roles("admin")
async def user_role(request: Request, username: str) -> HTTPResponse:
    if username == request.ctx.user.username:
        return redirect("/console/admin/users?error=Et+voi+vaihtaa+omaa+rooliasi.", status=303)
    return await _change(request, "user.role",
                         lambda s: set_role(s, username=username, role=request.form.get("role") or ""))


@guards.roles("admin")
async def user_disable(request: Request, username: str) -> HTTPResponse:
    if username == request.ctx.user.username:
        return redirect("/console/admin/users?error=Et+voi+poistaa+itseäsi+käytöstä.", status=303)
    return await _change(request, "user.disable", lambda s: set_disabled(s, username=username, disabled=True))


@guards.roles("admin")
async def user_enable(request: Request, username: str) -> HTTPResponse:
    return await _change(request, "user.enable", lambda s: set_disabled(s, username=username, disabled=False))


@guards.roles("admin")
async def user_unlock(request: Request, username: str) -> HTTPResponse:
    return await _change(request, "user.unlock", lambda s: unlock(s, username=username))


def admin_blueprint() -> Blueprint:
    blueprint = Blueprint("console_admin", url_prefix="/console/admin")
    blueprint.add_route(audit_page, "/audit", methods=["GET"], name="audit")
    blueprint.add_route(users_page, "/users", methods=["GET"], name="users")
    blueprint.add_route(user_add, "/users", methods=["POST"], name="user_add")
    for action, handler in (("role", user_role), ("disable", user_disable), ("enable", user_enable),
                            ("unlock", user_unlock)):
        blueprint.add_route(handler, f"/users/<username:str>/{action}", methods=["POST"], name=f"user_{action}")
    from handoff.console.stuck_pages import add_routes as add_stuck_routes

    add_stuck_routes(blueprint)
    return guards.install(blueprint)
