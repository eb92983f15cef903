"""The console's JSON API (used by queue.js and conversation.js, and by tests).

Anonymous calls get 401, wrong roles 403, missing CSRF header 403 (the guard);
domain errors map to 400/403/404/409 (`errors.api_errors`).
"""
from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from handoff.models import COUNSELLING_ROLES
from handoff import audit
from handoff.auth import guards
from handoff.auth.guards import Principal
from handoff.console import bridge, canned, conversations, queueview, scheduling
from handoff.console.errors import Invalid, api_errors
from handoff.console.presence import set_available
from handoff.web.security import client_address


def _body(request: Request) -> dict:
    try:
        data = request.json
    except Exception as bad:  # noqa: BLE001 - Sanic raises its own BadRequest subclasses
        raise Invalid("Pyyntö ei ole JSONia. (Expected a JSON object.)") from bad
    if not isinstance(data, dict):
        raise Invalid("Pyyntö ei ole JSON-objekti. (Expected a JSON object.)")
    return data


@guards.roles(*COUNSELLING_ROLES)
async def queue_snapshot(request: Request) -> HTTPResponse:
    user: Principal = request.ctx.user
    async with request.app.ctx.sessionmaker() as session:
        return json(await queueview.snapshot(session, user_id=user.user_id))


@guards.roles(*COUNSELLING_ROLES)
@api_errors
async def presence(request: Request) -> HTTPResponse:
    user: Principal = request.ctx.user
    available = _body(request).get("available")
    if not isinstance(available, bool):
        raise Invalid("available: true tai false")
    async with request.app.ctx.sessionmaker.begin() as session:
        await set_available(session, user_id=user.user_id, available=available)
        await audit.record(session, actor_id=user.user_id, action="presence", target=f"user:{user.user_id}",
                           details={"available": available}, ip=client_address(request))
    return json({"available": available})


@guards.roles(*COUNSELLING_ROLES)
@api_errors
async def claim(request: Request, handoff_id: int) -> HTTPResponse:
    """Exactly one of several concurrent claims gets 200; the others 409."""
    user: Principal = request.ctx.user
    async with request.app.ctx.sessionmaker.begin() as session:
        handoff = await conversations.claim_handoff(session, handoff_id=handoff_id, counsellor_id=user.user_id)
        await audit.record(session, actor_id=user.user_id, action="handoff.claim",
                           target=f"conversation:{handoff.conversation_id}", details={"handoff": handoff_id},
                           ip=client_address(request))
    await bridge.deliver(request.app, handoff.conversation_id)
    return json({"handoff_id": handoff_id, "conversation_id": handoff.conversation_id})


@guards.roles(*COUNSELLING_ROLES)
@api_errors
async def messages(request: Request, conversation_id: str) -> HTTPResponse:
    """Messages after `?after=SEQ` (audited when any are returned)."""
    user: Principal = request.ctx.user
    try:
        after = max(0, int(request.args.get("after", 0)))
    except ValueError as bad:
        raise Invalid("after: kokonaisluku") from bad
    async with request.app.ctx.sessionmaker.begin() as session:
        view = await conversations.read_transcript(session, conversation_id=conversation_id, actor_id=user.user_id,
                                                   ip=client_address(request), after_seq=after,
                                                   full=False)
    return json({"messages": view["messages"], "owner": view["owner"]})


@guards.roles(*COUNSELLING_ROLES)
@api_errors
async def send(request: Request, conversation_id: str) -> HTTPResponse:
    """Stores the counsellor's message, then pushes it to the resident's page."""
    user: Principal = request.ctx.user
    data = _body(request)
    text, client_id = data.get("text"), data.get("client_msg_id")
    if not isinstance(text, str) or (client_id is not None and not isinstance(client_id, str)):
        raise Invalid("text: merkkijono")
    async with request.app.ctx.sessionmaker.begin() as session:
        seq, created = await conversations.send_message(
            session, conversation_id=conversation_id, counsellor_id=user.user_id, text=text,
            client_msg_id=client_id, max_chars=request.app.ctx.settings.max_message_chars)
    await bridge.deliver(request.app, conversation_id)
    return json({"seq": seq, "created": created}, status=201 if created else 200)


@guards.roles(*COUNSELLING_ROLES)
@api_errors
async def note(request: Request, conversation_id: str) -> HTTPResponse:
    user: Principal = request.ctx.user
    text = _body(request).get("text")
    if not isinstance(text, str):
        raise Invalid("text: merkkijono")
    async with request.app.ctx.sessionmaker.begin() as session:
        added = await conversations.add_note(session, conversation_id=conversation_id, author_id=user.user_id,
                                             text=text, max_chars=request.app.ctx.settings.max_message_chars)
        await audit.record(session, actor_id=user.user_id, action="note.add",
                           target=f"conversation:{conversation_id}", ip=client_address(request))
    return json({"id": added.id}, status=201)


@guards.roles(*COUNSELLING_ROLES)
@api_errors
async def close(request: Request, conversation_id: str) -> HTTPResponse:
    user: Principal = request.ctx.user
    data = _body(request)
    outcome, then = str(data.get("outcome") or ""), str(data.get("then") or "")
    callback = data.get("callback")
    if callback is not None and not isinstance(callback, dict):
        raise Invalid("callback: {phone, preferred_time, consent}")
    async with request.app.ctx.sessionmaker.begin() as session:
        closed = await conversations.close(session, conversation_id=conversation_id, counsellor_id=user.user_id,
                                           outcome=outcome, then=then,
                                           callback=scheduling.CallbackDetails.from_mapping(callback))
        await audit.record(session, actor_id=user.user_id, action="handoff.close",
                           target=f"conversation:{conversation_id}",
                           details={"handoff": closed.handoff_id, "outcome": outcome, "then": then,
                                    "callback": closed.callback_id},
                           ip=client_address(request))
    handed_back = await bridge.return_to_bot(request.app, conversation_id) if then == "bot" else None
    if then == "end":
        await bridge.deliver(request.app, conversation_id)
    return json({"closed": closed.handoff_id, "callback_id": closed.callback_id, "handed_back": handed_back})


@guards.roles(*COUNSELLING_ROLES)
async def canned_replies(request: Request) -> HTTPResponse:
    return json({"replies": canned.for_language(request.args.get("lang", "fi"))})


def api_blueprint() -> Blueprint:
    blueprint = Blueprint("console_api", url_prefix="/console/api")
    blueprint.add_route(queue_snapshot, "/queue", methods=["GET"], name="queue")
    blueprint.add_route(presence, "/presence", methods=["POST"], name="presence")
    blueprint.add_route(claim, "/handoffs/<handoff_id:int>/claim", methods=["POST"], name="claim")
    blueprint.add_route(messages, "/conversations/<conversation_id:str>/messages", methods=["GET"], name="messages")
    blueprint.add_route(send, "/conversations/<conversation_id:str>/messages", methods=["POST"], name="send")
    blueprint.add_route(note, "/conversations/<conversation_id:str>/notes", methods=["POST"], name="note")
    blueprint.add_route(close, "/conversations/<conversation_id:str>/close", methods=["POST"], name="close")
    blueprint.add_route(canned_replies, "/canned", methods=["GET"], name="canned")
    return guards.install(blueprint)
