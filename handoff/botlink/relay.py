"""Relaying stored resident messages to the bot, oldest first, each exactly once.

The resident's message is stored before anything else (status `pending`).
`relay_pending` then takes the oldest pending message with one
compare-and-set (`pending` → `relaying`), sends it through the private
channel, stores the replies under ids derived from the message (so a retry
cannot store them twice) and marks it `done`, all in one transaction. When
Rasa or the action server is down, the message goes back to `pending`, the
resident is told once (phone number and 112), and the background retry task
(`handoff.botlink.retry`) relays it when the bot is back. The bot's channel
de-duplicates by message id too, so even a hub crash between Rasa's answer
and our commit is answered once.
"""
from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any, Optional

from sanic import Sanic
from sqlalchemy import or_, select, update

from handoff.botlink.client import BotAnswer, BotRejected, BotUnavailable
from handoff.botlink.handoff import handle_handoff, parse_handoff
from handoff.chat import texts
from handoff.chat.push import push_status, push_unsent
from handoff.editor.capture import capture_unclear
from handoff.messages import append_message
from handoff.models import Conversation, Message, Owner, RelayStatus, Sender, utcnow

log = logging.getLogger("neuvo.hub.relay")


def pseudonym(conversation_id: str) -> str:
    return conversation_id[:8]


def stale_after(app: Sanic) -> timedelta:
    """A `relaying` message older than this was left by a crashed or stuck relay."""
    settings = app.ctx.settings
    return timedelta(seconds=settings.rasa_timeout_seconds + settings.relay_grace_seconds)


async def relay_pending(app: Sanic, conversation_id: str) -> None:
    """Relays the conversation's pending messages while the bot owns it; safe to call any time."""
    locks: dict[str, asyncio.Lock] = app.ctx.relay_locks
    lock = locks.setdefault(conversation_id, asyncio.Lock())
    try:
        async with lock:
            if not await _send_pending_handback(app, conversation_id):
                return
            while (message := await _claim_next(app, conversation_id)) is not None:
                if not await _relay_one(app, conversation_id, message):
                    break
    finally:
        if not lock.locked() and locks.get(conversation_id) is lock:
            locks.pop(conversation_id, None)


async def _claim_next(app: Sanic, conversation_id: str) -> Optional[dict[str, Any]]:
    """Takes the oldest pending message (one winner), or holds them if the bot is not the owner."""
    stale = utcnow() - stale_after(app)
    async with app.ctx.sessionmaker.begin() as session:
        conversation = await session.get(Conversation, conversation_id)
        if conversation is None:
            return None
        waiting = (Message.relay_status == RelayStatus.PENDING.value) | (
            (Message.relay_status == RelayStatus.RELAYING.value) & (Message.relay_started_at < stale)
        )
        if conversation.owner != Owner.BOT.value:
            # A person owns it now (or it is closed): the bot stays silent.
            await session.execute(
                update(Message).where(Message.conversation_id == conversation_id, waiting)
                .values(relay_status=RelayStatus.HELD.value)
            )
            return None
        message = await session.scalar(
            select(Message).where(Message.conversation_id == conversation_id, waiting).order_by(Message.seq).limit(1)
        )
        if message is None:
            return None
        won = await session.scalar(
            update(Message)
            .where(Message.id == message.id, Message.relay_status == message.relay_status,
                   or_(Message.relay_started_at.is_(None), Message.relay_started_at == message.relay_started_at))
            .values(relay_status=RelayStatus.RELAYING.value, relay_started_at=utcnow(),
                    relay_attempts=Message.relay_attempts + 1)
            .returning(Message.id)
        )
        if won is None:
            return None  # another relay (another hub instance) took it
        relay_text = (message.payload or {}).get("relay_text") or message.text
        return {"id": message.id, "text": relay_text, "language": conversation.language}


async def _relay_one(app: Sanic, conversation_id: str, message: dict[str, Any]) -> bool:
    try:
        answer = await app.ctx.bot.send(
            conversation_id=conversation_id, message_id=str(message["id"]), text=message["text"],
            metadata={"language": message["language"]},
        )
    except BotUnavailable as error:
        if await _release(app, conversation_id, message["id"], RelayStatus.PENDING):
            log.warning("bot unavailable (%s) for conversation %s", error, pseudonym(conversation_id))
        return False
    except BotRejected as error:
        log.error("bot rejected a message (%s) in conversation %s", error, pseudonym(conversation_id))
        await _release(app, conversation_id, message["id"], RelayStatus.FAILED)
        return True
    await _store_answer(app, conversation_id, message["id"], answer)
    if not answer.duplicate:  # a re-delivery carries the first delivery's outcome: sampled once
        await capture_unclear(app, text=message["text"], language=message["language"], nlu=answer.nlu)
    return True


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


async def _store_answer(app: Sanic, conversation_id: str, message_id: int, answer: BotAnswer) -> None:
    async with app.ctx.sessionmaker.begin() as session:
        conversation = await session.get(Conversation, conversation_id, with_for_update=True)
        if conversation is None:
            return
        was_down = conversation.bot_unavailable_since is not None
        conversation.bot_unavailable_since = None
        for index, reply in enumerate(answer.messages):
            request = parse_handoff(reply.get("custom"))
            if request is not None:
                await handle_handoff(
                    session, conversation=conversation, request=request, organisation=app.ctx.organisation,
                    max_queue=app.ctx.settings.max_queue_length, now=utcnow(), key=f"{message_id}:{index}",
                )
                continue
            payload = {k: reply[k] for k in ("buttons", "custom", "image", "attachment") if reply.get(k)}
            await append_message(
                session, conversation_id=conversation_id, sender=Sender.BOT.value,
                text=str(reply.get("text") or ""), client_msg_id=f"bot:{message_id}:{index}",
                payload=payload or None,
            )
        await session.execute(
            update(Message).where(Message.id == message_id)
            .values(relay_status=RelayStatus.DONE.value, relay_started_at=None)
        )
    if was_down:
        await push_status(app, conversation_id, bot="ok")
    await push_unsent(app, conversation_id)


async def _send_pending_handback(app: Sanic, conversation_id: str) -> bool:
    """Tells the bot about a hand-back it has not heard of; False if the bot is unreachable.

    The resident hears the bot's own welcome back; if the bot has none, or cannot
    be reached, the hub's short message instead (stored once per hand-back).
    """
    async with app.ctx.sessionmaker() as session:
        conversation = await session.get(Conversation, conversation_id)
        if conversation is None or not conversation.handback_pending or conversation.owner != Owner.BOT.value:
            return True
        event_id = f"handback-{conversation.next_seq}"
        language = conversation.language
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
