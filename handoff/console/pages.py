"""Console pages: the queue, a conversation, and the form posts made from them.

Routes stay thin: they read the form, open one transaction, call a service,
and map domain errors to a short page with the right status.
"""
from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, html, redirect
from sqlalchemy import select

from handoff import audit
from handoff.auth import guards
from handoff.auth.guards import Principal
from handoff.console import bridge, conversations, scheduling
from handoff.console.errors import ConsoleError, status_of
from handoff.console.html import csrf_field, e, message_page, options, page
from handoff.console.intake import render as render_intake
from handoff.console.presence import set_available
from handoff.console.queueview import LEVEL_LABELS
from handoff.messages import UnknownConversation
from handoff.models import COUNSELLING_ROLES, User
from handoff.queue import AlreadyClaimed
from handoff.web.security import client_address

SENDER_LABELS = {"resident": "Asukas", "bot": "Neuvo", "counsellor": "Ohjaaja", "system": "Järjestelmä"}
OWNER_LABELS = {"bot": "Neuvolla", "waiting": "jonossa", "counsellor": "ohjaajalla", "closed": "päättynyt"}
DOMAIN_ERRORS = (ConsoleError, AlreadyClaimed, UnknownConversation)


def error_page(request: Request, error: Exception, back: str = "/console/") -> HTTPResponse:
    status, message = status_of(error)
    return message_page(request, "Ei onnistunut", message, status, back)


@guards.roles(*guards.ALL_ROLES)
async def landing(request: Request) -> HTTPResponse:
    user: Principal = request.ctx.user
    if user.role not in COUNSELLING_ROLES:
        body = '<p>Sisällön muokkaus: <a href="/editor/">/editor/</a></p>'
        return html(page("Neuvo", body, user=user))
    async with request.app.ctx.sessionmaker() as session:
        available = await session.scalar(select(User.available).where(User.id == user.user_id))
    presence = (
        f'<form method="post" action="/console/presence" class="presence">{csrf_field(user)}'
        f'<input type="hidden" name="available" value="{"0" if available else "1"}">'
        f'<span id="presence-state" class="{"on" if available else "off"}">'
        f'{"Tavoitettavissa" if available else "Poissa"}</span> '
        f'<button type="submit">{"Merkitse poissaolevaksi" if available else "Merkitse tavoitettavaksi"}</button></form>'
    )
    body = (
        f"{presence}<p id=\"present\" aria-live=\"polite\"></p>"
        '<div id="alert" class="alert" role="alert" hidden>Uusi hätätilanne jonossa!</div>'
        '<h2>Jono</h2><p class="hint">Päivittyy muutaman sekunnin välein. Hätä, kiireellinen, tuki, muu; '
        'vanhin ensin.</p><table id="queue"><thead><tr><th scope="col">Taso</th><th scope="col">Perusteet</th>'
        '<th scope="col">Odottanut</th><th scope="col">Kieli</th><th scope="col"></th></tr></thead>'
        '<tbody></tbody></table><p id="queue-empty" class="empty" hidden>Jono on tyhjä.</p>'
        '<h2>Omat keskustelut</h2><ul id="mine"></ul>'
    )
    return html(page("Jono", body, user=user, scripts=["queue.js"], page_id="queue"))


@guards.roles(*COUNSELLING_ROLES)
async def presence(request: Request) -> HTTPResponse:
    user: Principal = request.ctx.user
    available = (request.form.get("available") or "") == "1"
    async with request.app.ctx.sessionmaker.begin() as session:
        await set_available(session, user_id=user.user_id, available=available)
        await audit.record(session, actor_id=user.user_id, action="presence", target=f"user:{user.user_id}",
                           details={"available": available}, ip=client_address(request))
    return redirect("/console/", status=303)


@guards.roles(*COUNSELLING_ROLES)
async def claim_form(request: Request, handoff_id: int) -> HTTPResponse:
    user: Principal = request.ctx.user
    try:
        async with request.app.ctx.sessionmaker.begin() as session:
            handoff = await conversations.claim_handoff(session, handoff_id=handoff_id, counsellor_id=user.user_id)
            await audit.record(session, actor_id=user.user_id, action="handoff.claim",
                               target=f"conversation:{handoff.conversation_id}", details={"handoff": handoff_id},
                               ip=client_address(request))
    except DOMAIN_ERRORS as error:
        return error_page(request, error)
    await bridge.deliver(request.app, handoff.conversation_id)
    return redirect(f"/console/conversations/{handoff.conversation_id}", status=303)


def _transcript(messages: list[dict]) -> str:
    items = "".join(
        f'<li class="msg sender-{e(m["sender"])}" data-seq="{e(m["seq"])}">'
        f'<span class="who">{e(SENDER_LABELS.get(m["sender"], m["sender"]))}</span>'
        f'<span class="text">{e(m["text"])}</span>'
        + (f'<span class="buttons">[{e(" | ".join(m["buttons"]))}]</span>' if m["buttons"] else "")
        + "</li>"
        for m in messages
    )
    last = messages[-1]["seq"] if messages else 0
    return f'<ol id="transcript" class="transcript" aria-live="polite" data-last-seq="{last}">{items}</ol>'


def _callback_fields(suggested: dict) -> str:
    """Close-form fields for `callback_scheduled`, pre-filled from a consented intake."""
    consent = ("" if suggested.get("consented") else
               '<label><input type="checkbox" name="cb_consent" value="1"> Asukas suostui takaisinsoittoon</label>')
    return (
        '<fieldset id="callback-fields" class="callback-fields"><legend>Takaisinsoitto (jos sovittu)</legend>'
        '<label for="cb_phone">Puhelinnumero</label>'
        f'<input id="cb_phone" name="cb_phone" type="tel" maxlength="32" value="{e(suggested.get("phone", ""))}">'
        '<label for="cb_time">Toivottu aika</label>'
        f'<input id="cb_time" name="cb_time" maxlength="120" value="{e(suggested.get("preferred_time", ""))}">'
        f"{consent}</fieldset>"
    )


def _actions(user: Principal, view: dict, colleagues: list[User], suggested: dict) -> str:
    cid, handoff = view["conversation_id"], view.get("handoff") or {}
    base = f"/console/conversations/{e(cid)}"
    if handoff.get("status") == "queued":
        return (f'<form method="post" action="/console/handoffs/{e(handoff["id"])}/claim">{csrf_field(user)}'
                '<button type="submit" class="primary">Ota keskustelu</button></form>')
    if handoff.get("status") != "claimed" or handoff.get("claimed_by") != user.user_id:
        return '<p class="hint">Keskustelu ei ole sinulla: voit lukea sen.</p>'
    outcomes = options(conversations.OUTCOMES.items())
    others = [(str(c.id), c.username) for c in colleagues if c.id != user.user_id]
    transfer = (
        f'<form method="post" action="{base}/transfer" class="transfer">{csrf_field(user)}'
        f'<label for="to">Siirrä kollegalle</label> <select id="to" name="to" required>{options(others)}</select> '
        '<button type="submit">Siirrä</button></form>'
    ) if others else ""
    return (
        f'<form id="composer" class="composer" data-conversation="{e(cid)}" data-language="{e(view["language"])}">'
        '<label for="reply">Viesti asukkaalle</label><textarea id="reply" name="text" rows="3" maxlength="2000"></textarea>'
        '<div id="canned" class="canned" aria-label="Valmiit vastaukset"></div>'
        '<button type="submit" class="primary">Lähetä</button><span id="send-status" role="status"></span></form>'
        f'<form method="post" action="{base}/close" class="close">{csrf_field(user)}<fieldset><legend>Päätä</legend>'
        f'<label for="outcome">Lopputulos</label><select id="outcome" name="outcome" required>{outcomes}</select>'
        f"{_callback_fields(suggested)}"
        '<label><input type="radio" name="then" value="bot" checked> Palauta Neuvolle</label>'
        '<label><input type="radio" name="then" value="end"> Päätä keskustelu</label>'
        '<button type="submit">Päätä</button></fieldset></form>'
        + transfer
    )


@guards.roles(*COUNSELLING_ROLES)
async def conversation_page(request: Request, conversation_id: str) -> HTTPResponse:
    user: Principal = request.ctx.user
    try:
        async with request.app.ctx.sessionmaker.begin() as session:
            view = await conversations.read_transcript(
                session, conversation_id=conversation_id, actor_id=user.user_id, ip=client_address(request))
            colleagues = list(await session.scalars(select(User).where(
                User.disabled_at.is_(None), User.role.in_(COUNSELLING_ROLES)).order_by(User.username)))
            suggested = await scheduling.suggestion(
                session, conversation_id=conversation_id, intake=(view.get("handoff") or {}).get("intake"))
    except DOMAIN_ERRORS as error:
        return error_page(request, error)
    handoff = view.get("handoff") or {}
    notes = "".join(f'<li><span class="who">{e(n["author"])}</span> <span class="text">{e(n["text"])}</span></li>'
                    for n in view["notes"])
    level = handoff.get("level", "none")
    body = (
        f'<p class="meta"><span class="level level-{e(level)}">{e(LEVEL_LABELS.get(level, level))}</span> '
        f'{e(", ".join(str(m).replace("_", " ") for m in handoff.get("markers") or []))} · kieli '
        f'{e(view["language"])} · {e(OWNER_LABELS.get(view["owner"], view["owner"]))}</p>'
        f'<div class="columns"><section><h2>Viestit</h2>{_transcript(view["messages"])}'
        f'{_actions(user, view, colleagues, suggested)}</section>'
        f'<aside><h2>Esitiedot</h2>{render_intake(handoff.get("intake"))}'
        f'<h2>Sisäiset muistiinpanot</h2><p class="hint">Asukas ei näe näitä.</p><ul class="notes">{notes}</ul>'
        f'<form method="post" action="/console/conversations/{e(conversation_id)}/notes">{csrf_field(user)}'
        '<label for="note">Uusi muistiinpano</label><textarea id="note" name="text" rows="2" maxlength="2000" required>'
        '</textarea><button type="submit">Tallenna</button></form></aside></div>'
    )
    return html(page("Keskustelu", body, user=user, scripts=["conversation.js"], page_id="conversation"))


@guards.roles(*COUNSELLING_ROLES)
async def note_form(request: Request, conversation_id: str) -> HTTPResponse:
    user: Principal = request.ctx.user
    try:
        async with request.app.ctx.sessionmaker.begin() as session:
            await conversations.add_note(session, conversation_id=conversation_id, author_id=user.user_id,
                                         text=request.form.get("text") or "",
                                         max_chars=request.app.ctx.settings.max_message_chars)
            await audit.record(session, actor_id=user.user_id, action="note.add",
                               target=f"conversation:{conversation_id}", ip=client_address(request))
    except DOMAIN_ERRORS as error:
        return error_page(request, error, back=f"/console/conversations/{conversation_id}")
    return redirect(f"/console/conversations/{conversation_id}", status=303)


@guards.roles(*COUNSELLING_ROLES)
async def transfer_form(request: Request, conversation_id: str) -> HTTPResponse:
    user: Principal = request.ctx.user
    try:
        to_id = int(request.form.get("to") or 0)
        async with request.app.ctx.sessionmaker.begin() as session:
            await conversations.transfer(session, conversation_id=conversation_id, from_id=user.user_id,
                                         to_user_id=to_id)
            await audit.record(session, actor_id=user.user_id, action="handoff.transfer",
                               target=f"conversation:{conversation_id}", details={"to": to_id},
                               ip=client_address(request))
    except ValueError:
        return error_page(request, conversations.Invalid("Valitse kollega."), f"/console/conversations/{conversation_id}")
    except DOMAIN_ERRORS as error:
        return error_page(request, error, back=f"/console/conversations/{conversation_id}")
    await bridge.deliver(request.app, conversation_id)
    return redirect("/console/", status=303)


@guards.roles(*COUNSELLING_ROLES)
async def close_form(request: Request, conversation_id: str) -> HTTPResponse:
    user: Principal = request.ctx.user
    outcome, then = request.form.get("outcome") or "", request.form.get("then") or ""
    callback = scheduling.CallbackDetails.from_mapping({
        "phone": request.form.get("cb_phone"), "preferred_time": request.form.get("cb_time"),
        "consent": request.form.get("cb_consent")})
    try:
        async with request.app.ctx.sessionmaker.begin() as session:
            closed = await conversations.close(session, conversation_id=conversation_id, counsellor_id=user.user_id,
                                               outcome=outcome, then=then, callback=callback)
            await audit.record(session, actor_id=user.user_id, action="handoff.close",
                               target=f"conversation:{conversation_id}",
                               details={"handoff": closed.handoff_id, "outcome": outcome, "then": then,
                                        "callback": closed.callback_id},
                               ip=client_address(request))
    except DOMAIN_ERRORS as error:
        return error_page(request, error, back=f"/console/conversations/{conversation_id}")
    if then == "bot" and not await bridge.return_to_bot(request.app, conversation_id):
        body = ("<p class=\"error\" role=\"alert\">Keskustelu suljettiin, mutta palautus Neuvolle ei onnistunut "
                "juuri nyt. Asukas näkee ilmoituksen, kun yhteys palaa. (Closed; hand-back to the bot failed.)</p>"
                "<p><a href=\"/console/\">Jonoon</a></p>")
        return html(page("Suljettu", body, user=user), status=502)
    if then == "end":
        await bridge.deliver(request.app, conversation_id)
    return redirect("/console/", status=303)


def pages_blueprint() -> Blueprint:
    blueprint = Blueprint("console_pages", url_prefix="/console")
    blueprint.add_route(landing, "/", methods=["GET"], name="landing")
    blueprint.add_route(presence, "/presence", methods=["POST"], name="presence")
    blueprint.add_route(claim_form, "/handoffs/<handoff_id:int>/claim", methods=["POST"], name="claim")
    blueprint.add_route(conversation_page, "/conversations/<conversation_id:str>", methods=["GET"], name="conversation")
    blueprint.add_route(note_form, "/conversations/<conversation_id:str>/notes", methods=["POST"], name="note")
    blueprint.add_route(transfer_form, "/conversations/<conversation_id:str>/transfer", methods=["POST"],
                        name="transfer")
    blueprint.add_route(close_form, "/conversations/<conversation_id:str>/close", methods=["POST"], name="close")
    from handoff.console.records import add_routes

    add_routes(blueprint)
    return guards.install(blueprint)
