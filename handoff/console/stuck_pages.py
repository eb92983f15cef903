"""Admin page for stuck conversations (`handoff.console.stuck`): list, release, reassign, return to the bot.

Each form carries the state the admin saw (status and holder); the service
applies the override only if it is still so, and the audit row (who, what,
when, from whom to whom) is written in the same transaction.
"""
from __future__ import annotations

from typing import Awaitable, Callable, Optional

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, html, redirect
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handoff import audit
from handoff.auth import guards
from handoff.auth.guards import Principal
from handoff.console import bridge, stuck
from handoff.console.errors import ConsoleError, Invalid
from handoff.console.html import Raw, csrf_field, e, message_page, options, page, table
from handoff.console.queueview import LEVEL_LABELS
from handoff.models import COUNSELLING_ROLES, Handoff, User
from handoff.web.security import client_address

STATUS_LABELS = {"queued": "jonossa", "claimed": "ohjaajalla"}
DONE_LABELS = {"release": "Palautettu jonoon.", "reassign": "Siirretty.", "return": "Palautettu Neuvolle."}


def _forms(user: Principal, row: dict, counsellors: list[tuple[str, str]]) -> Raw:
    base = f'/console/admin/stuck/{e(row["handoff_id"])}'
    seen = (f'{csrf_field(user)}<input type="hidden" name="status" value="{e(row["status"])}">'
            f'<input type="hidden" name="holder" value="{e(row["holder_id"] or "")}">')
    others = [(value, name) for value, name in counsellors if value != str(row["holder_id"])]
    release = (f'<form method="post" action="{base}/release" class="inline">{seen}'
               '<button type="submit">Palauta jonoon</button></form>') if row["status"] == "claimed" else ""
    reassign = (f'<form method="post" action="{base}/reassign" class="inline">{seen}'
                f'<label class="sr-only" for="to{e(row["handoff_id"])}">Siirrä ohjaajalle</label>'
                f'<select id="to{e(row["handoff_id"])}" name="to">{options(others)}</select>'
                '<button type="submit">Siirrä</button></form>') if others else ""
    back = (f'<form method="post" action="{base}/return" class="inline">{seen}'
            '<button type="submit">Palauta Neuvolle</button></form>')
    return Raw(release + reassign + back)


@guards.roles("admin")
async def stuck_list(request: Request) -> HTTPResponse:
    user: Principal = request.ctx.user
    async with request.app.ctx.sessionmaker() as session:
        rows = await stuck.open_handoffs(session)
        counsellors = [(str(u.id), u.username) for u in await session.scalars(
            select(User).where(User.disabled_at.is_(None), User.role.in_(COUNSELLING_ROLES)).order_by(User.username))]
    done = DONE_LABELS.get(request.args.get("done", ""))
    notice = f'<p class="ok" role="status">{e(done)}</p>' if done else ""
    body_rows = [(
        LEVEL_LABELS.get(r["level"], r["level"]), STATUS_LABELS.get(r["status"], r["status"]), r["holder"] or "–",
        f'{r["waited_minutes"]} min', f'{r["idle_minutes"]} min',
        "; ".join(stuck.REASONS.get(x, x) for x in r["reasons"]) or "–",
        Raw(f'<a href="/console/conversations/{e(r["conversation_id"])}">avaa</a>'), _forms(user, r, counsellors),
    ) for r in rows]
    body = (notice + '<p class="hint">Jonossa tai ohjaajalla olevat keskustelut, jumissa olevat ensin. '
            "Palauta jonoon, siirrä toiselle ohjaajalle tai palauta Neuvolle; jokainen toimi kirjataan lokiin.</p>"
            + table(("Taso", "Tila", "Ohjaaja", "Odottanut", "Hiljaa", "Miksi jumissa", "Keskustelu", ""), body_rows,
                    empty="Ei jonossa tai ohjaajalla olevia keskusteluja."))
    return html(page("Jumissa olevat keskustelut", body, user=user))


def _expected(request: Request, handoff_id: int) -> stuck.Expected:
    holder = (request.form.get("holder") or "").strip()
    try:
        return stuck.Expected(handoff_id=handoff_id, status=request.form.get("status") or "",
                              holder=int(holder) if holder else None)
    except ValueError as bad:
        raise Invalid("Lataa sivu uudelleen. (Reload the page.)") from bad


async def _override(request: Request, handoff_id: int, action: str,
                    change: Callable[..., Awaitable[Handoff]], to: Optional[int] = None) -> HTTPResponse:
    user: Principal = request.ctx.user
    try:
        expected = _expected(request, handoff_id)
        async with request.app.ctx.sessionmaker.begin() as session:
            handoff = await change(session, expected=expected)
            await audit.record(session, actor_id=user.user_id, action=f"admin.{action}",
                               target=f"conversation:{handoff.conversation_id}",
                               details={"handoff": handoff_id, "status": expected.status,
                                        "from": expected.holder, "to": to},
                               ip=client_address(request))
    except ConsoleError as error:
        return message_page(request, "Ei onnistunut", str(error), error.status, "/console/admin/stuck")
    if action == "return":
        await bridge.tell_bot(request.app, handoff.conversation_id)
    else:
        await bridge.deliver(request.app, handoff.conversation_id)
    return redirect(f"/console/admin/stuck?done={action}", status=303)


@guards.roles("admin")
async def release(request: Request, handoff_id: int) -> HTTPResponse:
    return await _override(request, handoff_id, "release", stuck.release)


@guards.roles("admin")
async def reassign(request: Request, handoff_id: int) -> HTTPResponse:
    try:
        to = int(request.form.get("to") or 0)
    except ValueError:
        to = 0

    async def change(session: AsyncSession, *, expected: stuck.Expected) -> Handoff:
        return await stuck.reassign(session, expected=expected, to_user_id=to)
    return await _override(request, handoff_id, "reassign", change, to=to)


@guards.roles("admin")
async def return_to_bot(request: Request, handoff_id: int) -> HTTPResponse:
    return await _override(request, handoff_id, "return", stuck.close_for_bot)


def add_routes(blueprint: Blueprint) -> None:
    blueprint.add_route(stuck_list, "/stuck", methods=["GET"], name="stuck")
    for action, handler in (("release", release), ("reassign", reassign), ("return", return_to_bot)):
        blueprint.add_route(handler, f"/stuck/<handoff_id:int>/{action}", methods=["POST"], name=f"stuck_{action}")
