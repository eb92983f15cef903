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
from handoff.levels import is_higher, known
from handoff.messages import append_message, last_resident_phone
from handoff.models import Callback, Conversation, Handoff, HandoffStatus, Sender, User
from handoff.organisation import Organisation

# Rough minutes a counsellor spends per chat, for the resident's estimate.
MINUTES_PER_CHAT = 15
CALLBACK_REASONS = ("outside_hours", "nobody_available", "queue_full", "resident_choice")


@dataclass(frozen=True)
class CallbackWish:
    """The bot's `callback` object: the resident gave a number and consented to be called."""

    phone: Optional[str]  # None or "[puh]" when the channel redacted it: the hub fills it in
    preferred_time: Optional[str]
    reason: str


@dataclass(frozen=True)
class HandoffRequest:
    level: str
    markers: list[str]
    intake: Optional[dict[str, Any]]
    reason: str
    callback: Optional[CallbackWish]

    @property
    def wants_callback(self) -> bool:
        return self.reason == "callback_request" or self.callback is not None


def _callback(value: Any) -> Optional[CallbackWish]:
    if not value:
        return None
    if not isinstance(value, dict):
        return CallbackWish(None, None, "resident_choice")
    phone = value.get("phone") if isinstance(value.get("phone"), str) else None
    preferred = value.get("preferred_time") if isinstance(value.get("preferred_time"), str) else None
    reason = value.get("reason") if value.get("reason") in CALLBACK_REASONS else "resident_choice"
    return CallbackWish(phone, preferred, reason)


def parse_handoff(custom: Any) -> Optional[HandoffRequest]:
    """The handoff request in a bot reply's custom payload, if it is one."""
    if not isinstance(custom, dict) or not isinstance(custom.get("neuvo"), dict):
        return None
    body = custom["neuvo"]
    if body.get("event") != "handoff":
        return None
    level = known(body.get("level"))
    markers = [str(m) for m in body.get("markers") or [] if isinstance(m, (str, int, float))][:50]
    intake = body.get("intake") if isinstance(body.get("intake"), dict) else None
    return HandoffRequest(level, markers, intake, str(body.get("reason") or "")[:64], _callback(body.get("callback")))


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


async def _decide(session: AsyncSession, organisation: Organisation, max_queue: int, now: datetime) -> tuple[str, int]:
    available = await _available_counsellors(session)
    waiting = int(await session.scalar(
        select(func.count()).select_from(Handoff).where(Handoff.status == HandoffStatus.QUEUED.value)
    ) or 0)
    if not organisation.hours.is_open(now):
        return "outside_hours", available
    if available == 0:
        return "nobody_available", available
    if waiting >= max_queue:
        return "queue_full", available
    return "queued", available


async def _raise_queued_level(session: AsyncSession, conversation_id: str, request: HandoffRequest) -> bool:
    """A conversation already in the queue: keep one handoff, raise its level if higher."""
    current = await session.scalar(select(Handoff).where(
        Handoff.conversation_id == conversation_id, Handoff.status == HandoffStatus.QUEUED.value))
    if current is None:
        return False
    if is_higher(request.level, current.level):
        current.level = request.level
        current.markers = request.markers
    if request.intake is not None:
        current.intake = request.intake
    return True


async def handle_handoff(
    session: AsyncSession, *, conversation: Conversation, request: HandoffRequest,
    organisation: Organisation, max_queue: int, now: datetime, key: str,
) -> str:
    """Queues the conversation, records a callback, or offers one; stores what the resident is told.

    `key` makes the stored system messages idempotent (the bot message's id).
    Returns "queued", "callback_recorded" or the reason a callback is offered.
    """
    language = conversation.language
    values = texts.common_values(organisation, language)
    parts: list[str] = []
    if request.level == "emergency":
        parts.append(texts.emergency_text(organisation, language, request.markers))
    if is_higher(request.level, conversation.triage_level):
        conversation.triage_level = request.level
    if await _raise_queued_level(session, conversation.id, request):
        if parts:
            await _say(session, conversation, f"handoff:{key}", " ".join(parts), {"event": "level_raised"})
        return "queued"
    outcome, available = await _decide(session, organisation, max_queue, now)
    extra: dict[str, Any]
    if outcome == "queued" and not (request.wants_callback and request.level != "emergency"):
        await queue.enqueue(session, conversation_id=conversation.id, level=request.level,
                            markers=request.markers, intake=request.intake)
        position = await queue_position(session, conversation.id) or 1
        parts.append(texts.text("queued", language, position=position, minutes=estimate_minutes(position, available)))
        extra = {"event": "queued", "position": position, "callback_reason": "resident_choice"}
    else:
        reason = outcome if outcome != "queued" else "resident_choice"
        if outcome != "queued":
            parts.append(texts.text(outcome, language, **values))
        phone = request.callback.phone if request.callback else None
        if request.callback is not None and (not phone or "[" in phone):
            phone = await last_resident_phone(session, conversation.id)
        when = texts.when_text(organisation, language, now)
        if request.callback is not None and phone:
            session.add(Callback(
                conversation_id=conversation.id, phone=phone[:32], preferred_time=request.callback.preferred_time,
                level=request.level, reason=reason, language=language, consent_at=now,
            ))
            parts.append(texts.text("callback_recorded", language, when=when, **values))
            extra = {"event": "callback_recorded", "callback_reason": reason}
            outcome = "callback_recorded"
        else:
            parts.append(texts.text("callback_offer", language, when=when, **values))
            extra = {"event": "callback_offer", "callback_reason": reason}
    await _say(session, conversation, f"handoff:{key}", " ".join(parts), extra)
    return outcome
