"""What happens when the bot hands a conversation off (docs/handoff-protocol.md).

Invariant: the resident is told the truth. Either the conversation is queued
(only while the service is open, a counsellor is available and the queue has
room) with its position and an estimate, or they are told why not and offered
a callback, whose reason is recorded. An emergency always gets 112 and the
crisis line first, never a form alone.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from handoff import queue
from handoff.chat import texts
from handoff.messages import append_message
from handoff.models import Conversation, Handoff, HandoffStatus, Sender, User
from handoff.organisation import Organisation

# Rough minutes a counsellor spends per chat, for the resident's estimate.
MINUTES_PER_CHAT = 15
LEVELS = ("emergency", "urgent", "support", "none")
CALLBACK_REASONS = ("outside_hours", "nobody_available", "queue_full", "resident_choice")


@dataclass(frozen=True)
class HandoffRequest:
    level: str
    markers: list[str]
    intake: Optional[dict[str, Any]]
    reason: str
    wants_callback: bool


def parse_handoff(custom: Any) -> Optional[HandoffRequest]:
    """The handoff request in a bot reply's custom payload, if it is one."""
    if not isinstance(custom, dict) or not isinstance(custom.get("neuvo"), dict):
        return None
    body = custom["neuvo"]
    if body.get("event") != "handoff":
        return None
    level = body.get("level") if body.get("level") in LEVELS else "none"
    markers = [str(m) for m in body.get("markers") or [] if isinstance(m, (str, int, float))][:50]
    intake = body.get("intake") if isinstance(body.get("intake"), dict) else None
    return HandoffRequest(level, markers, intake, str(body.get("reason") or "")[:64], bool(body.get("callback")))


async def _available_counsellors(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(User).where(User.available.is_(True))) or 0)


async def queue_position(session: AsyncSession, conversation_id: str) -> Optional[int]:
    """1-based place among waiting handoffs in the console's order, or None."""
    for index, handoff in enumerate(await queue.queued(session), start=1):
        if handoff.conversation_id == conversation_id:
            return index
    return None


def estimate_minutes(position: int, available: int) -> int:
    return max(5, math.ceil(position / max(available, 1)) * MINUTES_PER_CHAT)


async def _say(session: AsyncSession, conversation: Conversation, key: str, text: str, extra: dict) -> None:
    await append_message(
        session, conversation_id=conversation.id, sender=Sender.SYSTEM.value, text=text,
        client_msg_id=key, payload={"neuvo": extra},
    )


async def handle_handoff(
    session: AsyncSession, *, conversation: Conversation, request: HandoffRequest,
    organisation: Organisation, max_queue: int, now: datetime, key: str,
) -> str:
    """Queues the conversation or offers a callback; stores what the resident is told.

    `key` makes the stored system messages idempotent (the bot message's id).
    Returns "queued" or the callback reason.
    """
    language = conversation.language
    values = texts.common_values(organisation, language)
    parts: list[str] = []
    if request.level == "emergency":
        parts.append(texts.text("emergency_first", language, **values))
    if request.level in LEVELS:
        conversation.triage_level = request.level
    available = await _available_counsellors(session)
    waiting = int(await session.scalar(
        select(func.count()).select_from(Handoff).where(Handoff.status == HandoffStatus.QUEUED.value)
    ) or 0)
    if not organisation.hours.is_open(now):
        outcome = "outside_hours"
    elif available == 0:
        outcome = "nobody_available"
    elif waiting >= max_queue:
        outcome = "queue_full"
    else:
        outcome = "queued"
    if outcome == "queued":
        await queue.enqueue(
            session, conversation_id=conversation.id, level=request.level,
            markers=request.markers, intake=request.intake,
        )
        position = await queue_position(session, conversation.id) or waiting + 1
        parts.append(texts.text("queued", language, position=position,
                                minutes=estimate_minutes(position, available)))
        extra = {"event": "queued", "position": position, "callback_reason": "resident_choice"}
    else:
        when = texts.when_text(organisation, language, now)
        parts.append(texts.text(outcome, language, **values))
        parts.append(texts.text("callback_offer", language, when=when, **values))
        extra = {"event": "callback_offer", "callback_reason": outcome}
    if request.wants_callback:
        extra["callback_requested"] = True
    await _say(session, conversation, f"handoff:{key}", " ".join(parts), extra)
    return outcome
