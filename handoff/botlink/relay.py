"""Relaying stored resident messages to the bot, oldest first, each exactly once.

The resident's message is stored before anything else. When the bot owns
the conversation and nothing older is on its way, it is stored `relaying`
already (claimed: `handoff.hotpath.store_resident_message`); otherwise it
is `pending`, and `relay_pending` takes the oldest with one compare-and-set
(`pending` → `relaying`), never while an older one is being relayed. The
message goes through the private channel; the replies are stored under ids
derived from the message (so a retry cannot store them twice), with the
message marked `done`, in one transaction, and then emitted. When Rasa or
the action server is down, the message goes back to `pending`, the resident
is told once (phone number and 112), and the background retry task
(`handoff.botlink.retry`) relays it when the bot is back. The bot's channel
de-duplicates by message id too, so even a hub crash between Rasa's answer
and our commit is answered once.

The per-message statements live in `handoff.hotpath` (built once, no ORM
session): they are what the hub adds to every answer's latency.
"""
from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any, Optional

from sanic import Sanic
from sqlalchemy import select, update

from handoff.botlink.client import BotAnswer, BotRejected, BotUnavailable
from handoff.botlink.handoff import handle_handoff, parse_handoff
from handoff.chat import texts
from handoff.chat.push import message_view, push_status, push_unsent
from handoff.editor.capture import capture_unclear
from handoff.hotpath import Claimed, ConversationState, claim_next, conversation_state, store_bot_replies
from handoff.messages import append_message
from handoff.models import Conversation, Message, Owner, RelayStatus, Sender, utcnow

log = logging.getLogger("neuvo.hub.relay")


def pseudonym(conversation_id: str) -> str:
    return conversation_id[:8]


def stale_after(app: Sanic) -> timedelta:
    """A `relaying` message older than this was left by a crashed or stuck relay."""
    settings = app.ctx.settings
    return timedelta(seconds=settings.rasa_timeout_seconds + settings.relay_grace_seconds)


async def relay_pending(app: Sanic, conversation_id: str, state: Optional[ConversationState] = None,
                        claimed: Optional[Claimed] = None) -> None:
    """Relays the conversation's pending messages while the bot owns it; safe to call any time.

    The chat's hot path passes what its own write returned: `state`, the
    conversation then (read again when absent, or when another relay held
    the lock meanwhile), and `claimed`, a message it stored as `relaying`
    already, which goes first.
    """
    locks: dict[str, asyncio.Lock] = app.ctx.relay_locks
    lock = locks.setdefault(conversation_id, asyncio.Lock())
    if lock.locked():
        state = None
    try:
        async with lock:
            if state is None:
                state = await conversation_state(app.ctx.engine, conversation_id)
            if state is None:
                return
            if state.handback_pending and state.owner == Owner.BOT.value:
                if not await _send_pending_handback(app, conversation_id, state.language):
                    return
            bot_was_down = state.bot_unavailable
            message = claimed or await claim_next(app.ctx.engine, conversation_id, stale_after(app))
            while message is not None:
                outcome = await _relay_one(app, conversation_id, message, state.language, bot_was_down)
                if outcome is None:
                    break
                bot_was_down = outcome
                message = await claim_next(app.ctx.engine, conversation_id, stale_after(app))
    finally:
        if not lock.locked() and locks.get(conversation_id) is lock:
            locks.pop(conversation_id, None)


async def _relay_one(app: Sanic, conversation_id: str, message: Claimed, language: str,
                     bot_was_down: bool) -> Optional[bool]:
    """Sends one claimed message and stores the answer; None when the bot is unreachable (stop for now).

    Returns whether the bot is still marked unavailable (False once it answered).
    """
    message_id, text = message.id, message.text
    try:
        answer = await app.ctx.bot.send(
            conversation_id=conversation_id, message_id=str(message_id), text=text, metadata={"language": language},
        )
    except BotUnavailable as error:
        if await _release(app, conversation_id, message_id, RelayStatus.PENDING):
            log.warning("bot unavailable (%s) for conversation %s", error, pseudonym(conversation_id))
        return None
    except BotRejected as error:
        log.error("bot rejected a message (%s) in conversation %s", error, pseudonym(conversation_id))
        told = await _release(app, conversation_id, message_id, RelayStatus.FAILED)
        return bot_was_down or told
    if bot_was_down:
        await push_status(app, conversation_id, bot="ok")
    handoff_at = next((index for index, reply in enumerate(answer.messages)
                       if parse_handoff(reply.get("custom")) is not None), None)
    if handoff_at is None:
        await _store_plain_answer(app, conversation_id, message, answer.messages)
    else:
        if handoff_at > 0:
            # What the bot says before handing off ("call 112 now") goes out first; the queue's
            # bookkeeping follows, and only it marks the message done (a crash between: relayed again).
            await _store_plain_answer(app, conversation_id, message, answer.messages[:handoff_at], done=False)
        await _store_handoff_answer(app, conversation_id, message_id, answer)
    if not answer.duplicate:  # a re-delivery carries the first delivery's outcome: sampled once
        await capture_unclear(app, text=text, language=language, nlu=answer.nlu)
    return False


async def _release(app: Sanic, conversation_id: str, message_id: int, status: RelayStatus) -> bool:
    """Puts the message back (or gives up) and tells the resident once per outage (True then)."""
    told = False
    async with app.ctx.sessionmaker.begin() as session:
        await session.execute(
            update(Message).where(Message.id == message_id)
            .values(relay_status=status.value, relay_started_at=None)
        )
        conversation = await session.get(Conversation, conversation_id, with_for_update=True)
        if conversation is not None and conversation.bot_unavailable_since is None:
            told = True
            conversation.bot_unavailable_since = utcnow()
            organisation = app.ctx.organisation
            values = texts.common_values(organisation, conversation.language)
            await append_message(
                session, conversation_id=conversation_id, sender=Sender.SYSTEM.value,
                text=texts.text("bot_unavailable", conversation.language, **values),
                client_msg_id=f"unavailable:{message_id}", payload={"neuvo": {"event": "bot_unavailable"}},
            )
    if told:
        await push_status(app, conversation_id, bot="unavailable")
        await push_unsent(app, conversation_id)
    return told


def _reply_parts(reply: dict[str, Any]) -> tuple[str, Optional[dict[str, Any]]]:
    payload = {k: reply[k] for k in ("buttons", "custom", "image", "attachment") if reply.get(k)}
    return str(reply.get("text") or ""), payload or None


async def _store_plain_answer(app: Sanic, conversation_id: str, message: Claimed, replies: list[dict[str, Any]],
                              done: bool = True) -> None:
    """Plain replies (no handoff): stored, with the message done unless told otherwise, then emitted."""
    stored = await store_bot_replies(app.ctx.engine, conversation_id=conversation_id, answered=message,
                                     replies=[_reply_parts(reply) for reply in replies], done=done)
    sio = getattr(app.ctx, "sio", None)
    if stored is not None and stored.emit_directly:
        if sio is not None:
            for reply in stored.messages:
                await sio.emit("bot_uttered", message_view(reply), room=conversation_id)
    else:
        await push_unsent(app, conversation_id)


async def _store_handoff_answer(app: Sanic, conversation_id: str, message_id: int, answer: BotAnswer) -> None:
    """An answer that hands off: the queue, callbacks and what the resident is told (handle_handoff).

    Replies stored already by _store_plain_answer keep their first copy (the same client ids).
    """
    async with app.ctx.sessionmaker.begin() as session:
        conversation = await session.get(Conversation, conversation_id, with_for_update=True)
        if conversation is None:
            return
        conversation.bot_unavailable_since = None
        for index, reply in enumerate(answer.messages):
            request = parse_handoff(reply.get("custom"))
            if request is not None:
                await handle_handoff(
                    session, conversation=conversation, request=request, organisation=app.ctx.organisation,
                    max_queue=app.ctx.settings.max_queue_length, now=utcnow(), key=f"{message_id}:{index}",
                )
                continue
            text, payload = _reply_parts(reply)
            await append_message(
                session, conversation_id=conversation_id, sender=Sender.BOT.value,
                text=text, client_msg_id=f"bot:{message_id}:{index}", payload=payload,
            )
        await session.execute(
            update(Message).where(Message.id == message_id)
            .values(relay_status=RelayStatus.DONE.value, relay_started_at=None)
        )
    await push_unsent(app, conversation_id)


async def _send_pending_handback(app: Sanic, conversation_id: str, language: str) -> bool:
    """Tells the bot about a hand-back it has not heard of; False if the bot is unreachable.

    The resident hears the bot's own welcome back; if the bot has none, or cannot
    be reached, the hub's short message instead (stored once per hand-back).
    """
    async with app.ctx.sessionmaker() as session:
        next_seq = await session.scalar(select(Conversation.next_seq).where(
            Conversation.id == conversation_id, Conversation.handback_pending.is_(True),
            Conversation.owner == Owner.BOT.value))
    if next_seq is None:
        return True  # told already (by another relay), or not the bot's any more
    event_id = f"handback-{next_seq}"
    reached = True
    try:
        answer = await app.ctx.bot.send(conversation_id=conversation_id, message_id=event_id, event="handback",
                                        metadata={"language": language})
    except BotUnavailable:
        reached, answer = False, BotAnswer(messages=[], duplicate=False)
    except BotRejected as error:
        log.error("bot rejected a hand-back (%s) in conversation %s", error, pseudonym(conversation_id))
        answer = BotAnswer(messages=[], duplicate=False)
    async with app.ctx.sessionmaker.begin() as session:
        if reached:
            await session.execute(
                update(Conversation).where(Conversation.id == conversation_id).values(handback_pending=False)
            )
        replies = [r for r in answer.messages if r.get("text") or r.get("buttons")]
        for index, reply in enumerate(replies):
            await append_message(
                session, conversation_id=conversation_id, sender=Sender.BOT.value,
                text=str(reply.get("text") or ""), client_msg_id=f"bot:{event_id}:{index}",
                payload={"buttons": reply["buttons"]} if reply.get("buttons") else None,
            )
        if not replies:
            await append_message(
                session, conversation_id=conversation_id, sender=Sender.SYSTEM.value,
                text=texts.text("handed_back", language), client_msg_id=f"handed-back:{event_id}",
                payload={"neuvo": {"event": "handed_back"}},
            )
    await push_unsent(app, conversation_id)
    return reached
