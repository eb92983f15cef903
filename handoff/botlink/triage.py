"""Triage of the resident messages the bot does not see: waiting, or with a counsellor.

Why: the bot answers only while it owns the conversation, so what a resident
writes while waiting in the queue or talking with a counsellor is held from
the dialogue (relay status `held`). An emergency typed then must still be
recognised (shared/spec/triage.md: every message is triaged). For each held
resident message the hub asks the bot's triage-only endpoint (no dialogue,
no tracker; docs/handoff-protocol.md), then, in one transaction:

- raises the conversation's level, and its open handoff's level, when the
  message's level is higher (levels never fall), and adds the new markers;
  the console orders the queue by the handoff's level, so the queue
  re-orders and a new emergency brings the console's alert;
- records the triage on the message (payload `triage`), which marks it done;
- for an emergency, tells the resident 112 and the fitting helpline at once,
  in the language of the message.

Fail open: the message is stored before any of this, and the counsellor
reads it from the hub's log whatever happens here. A failed triage is
logged (error type and pseudonym only, never text) and retried with backoff
by the relay's retry loop.
"""
from __future__ import annotations

import logging
import time
from datetime import timedelta
from typing import Optional

from sanic import Sanic
from sqlalchemy import select

from handoff.botlink.client import BotRejected, BotUnavailable, TriageAnswer
from handoff.botlink.relay import pseudonym
from handoff.chat import texts
from handoff.chat.background import spawn
from handoff.chat.push import push_unsent
from handoff.levels import is_higher
from handoff.messages import append_message
from handoff.models import Conversation, Handoff, HandoffStatus, Message, Owner, RelayStatus, Sender, utcnow

log = logging.getLogger("neuvo.hub.triage")
MAX_ATTEMPTS = 8          # with backoff 2, 4, 8, ... s: about four minutes of a Rasa outage
RETRY_WINDOW = timedelta(minutes=30)
BATCH = 50
OPEN_HANDOFF = (HandoffStatus.QUEUED.value, HandoffStatus.CLAIMED.value)


def needs_triage(message: Message) -> bool:
    """A held resident message not yet triaged and not given up on."""
    payload = message.payload or {}
    return (message.sender == Sender.RESIDENT.value and message.relay_status == RelayStatus.HELD.value
            and "triage" not in payload and int(payload.get("triage_failures") or 0) < MAX_ATTEMPTS)


def _state(app: Sanic) -> tuple[set[int], dict[int, float]]:
    """Messages being triaged now, and when a failed one may be tried again (per hub process; chat/setup.py)."""
    return app.ctx.triage_in_flight, app.ctx.triage_next_try


def triage_soon(app: Sanic, conversation_id: str, message_id: int) -> None:
    """Starts the triage of a held message in the background (the resident's ack is not delayed)."""
    spawn(app, triage_held(app, conversation_id, message_id))


async def triage_held(app: Sanic, conversation_id: str, message_id: int) -> Optional[str]:
    """Triages one held resident message once; its level, or None when not done now."""
    in_flight, next_try = _state(app)
    if message_id in in_flight or next_try.get(message_id, 0.0) > time.monotonic():
        return None
    in_flight.add(message_id)
    try:
        async with app.ctx.sessionmaker() as session:
            message = await session.get(Message, message_id)
            if message is None or message.conversation_id != conversation_id or not needs_triage(message):
                return None
            text = (message.payload or {}).get("relay_text") or message.text
        try:
            answer = await app.ctx.bot.triage(text=text)
        except (BotUnavailable, BotRejected) as error:
            await _failed(app, conversation_id, message_id, str(error))
            return None
        next_try.pop(message_id, None)
        if await _apply(app, conversation_id, message_id, answer):
            await push_unsent(app, conversation_id)
        return answer.level
    except Exception as error:  # noqa: BLE001 - a background task: log the type, the retry loop tries again
        log.error("triage of a held message failed (%s) in conversation %s", type(error).__name__,
                  pseudonym(conversation_id))
        return None
    finally:
        in_flight.discard(message_id)


async def _failed(app: Sanic, conversation_id: str, message_id: int, reason: str) -> None:
    """Counts the failure on the message and schedules the next try (backoff)."""
    async with app.ctx.sessionmaker.begin() as session:
        message = await session.get(Message, message_id)
        if message is None:
            return
        failures = int((message.payload or {}).get("triage_failures") or 0) + 1
        message.payload = {**(message.payload or {}), "triage_failures": failures}
    _state(app)[1][message_id] = time.monotonic() + 2 ** failures
    final = failures >= MAX_ATTEMPTS
    log.log(logging.ERROR if final else logging.WARNING,
            "triage of a held message failed (%s, attempt %d%s) in conversation %s; the counsellor still gets it",
            reason, failures, ", giving up" if final else "", pseudonym(conversation_id))


async def _apply(app: Sanic, conversation_id: str, message_id: int, answer: TriageAnswer) -> bool:
    """Raises levels, adds markers, records the triage; True when the resident was told 112."""
    async with app.ctx.sessionmaker.begin() as session:
        conversation = await session.get(Conversation, conversation_id, with_for_update=True)
        message = await session.get(Message, message_id, with_for_update=True)
        if conversation is None or message is None or "triage" in (message.payload or {}):
            return False
        message.payload = {**(message.payload or {}), "triage": {"level": answer.level, "markers": answer.markers}}
        raised = is_higher(answer.level, conversation.triage_level)
        if raised:
            conversation.triage_level = answer.level
        handoff = await session.scalar(
            select(Handoff).where(Handoff.conversation_id == conversation_id, Handoff.status.in_(OPEN_HANDOFF))
            .order_by(Handoff.id.desc()).limit(1)
        )
        if handoff is not None:
            if is_higher(answer.level, handoff.level):
                handoff.level = answer.level
            if answer.markers:
                handoff.markers = list(dict.fromkeys([*(handoff.markers or []), *answer.markers]))
        if answer.level != "emergency" or (conversation.owner == Owner.COUNSELLOR.value and not raised):
            return False  # a counsellor already handling an emergency is not interrupted again
        language = answer.language or conversation.language
        parts = [texts.emergency_text(app.ctx.organisation, language, answer.markers)]
        if conversation.owner == Owner.WAITING.value:
            parts.append(texts.text("emergency_seen_waiting", language))
        elif conversation.owner == Owner.COUNSELLOR.value:
            parts.append(texts.text("emergency_seen_counsellor", language))
        await append_message(
            session, conversation_id=conversation_id, sender=Sender.SYSTEM.value, text=" ".join(parts),
            client_msg_id=f"triage:{message_id}", payload={"neuvo": {"event": "emergency", "level": "emergency"}},
        )
        return True


async def retry_untriaged(app: Sanic) -> None:
    """Starts the triage of recent held messages that a failure (or a hub restart) left untriaged.

    Oldest first, filtered before the batch is cut, so that many newer held
    messages never hide an older untriaged one; each runs in the background,
    so one slow bot does not hold up the relay retries.
    """
    since = utcnow() - RETRY_WINDOW
    async with app.ctx.sessionmaker() as session:
        rows = await session.execute(
            select(Message.id, Message.conversation_id, Message.payload)
            .where(Message.relay_status == RelayStatus.HELD.value, Message.sender == Sender.RESIDENT.value,
                   Message.created_at > since)
            .order_by(Message.id)
        )
        todo = [(conversation_id, message_id) for message_id, conversation_id, payload in rows
                if "triage" not in (payload or {})
                and int((payload or {}).get("triage_failures") or 0) < MAX_ATTEMPTS][:BATCH]
    for conversation_id, message_id in todo:
        triage_soon(app, conversation_id, message_id)
