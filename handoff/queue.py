"""The handoff queue: enter, order, claim (one winner), close."""
from __future__ import annotations

from typing import Any, Optional

from sqlalchemy import case, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from handoff.levels import LEVEL_ORDER
from handoff.models import Conversation, Handoff, HandoffStatus, Owner, utcnow



class AlreadyClaimed(Exception):
    """Someone else claimed the handoff first (or it is closed)."""


async def enqueue(
    session: AsyncSession,
    *,
    conversation_id: str,
    level: str,
    markers: list[str],
    intake: Optional[dict[str, Any]] = None,
) -> Handoff:
    """Puts the conversation in the queue; the bot stays silent while it waits."""
    handoff = Handoff(conversation_id=conversation_id, level=level, markers=markers, intake=intake)
    session.add(handoff)
    await session.execute(
        update(Conversation).where(Conversation.id == conversation_id).values(owner=Owner.WAITING.value)
    )
    await session.flush()
    return handoff


async def queued(session: AsyncSession) -> list[Handoff]:
    """Waiting handoffs: emergency first, then urgent, support, other; oldest first within a level."""
    level_rank = case(LEVEL_ORDER, value=Handoff.level, else_=len(LEVEL_ORDER))
    result = await session.scalars(
        select(Handoff)
        .where(Handoff.status == HandoffStatus.QUEUED.value)
        .order_by(level_rank, Handoff.created_at, Handoff.id)
    )
    return list(result)


async def claim(session: AsyncSession, *, handoff_id: int, counsellor_id: int) -> Handoff:
    """Claims a queued handoff with one compare-and-set statement.

    Invariant: of any number of concurrent callers exactly one succeeds;
    the others get AlreadyClaimed.
    """
    claimed_id = await session.scalar(
        update(Handoff)
        .where(Handoff.id == handoff_id, Handoff.status == HandoffStatus.QUEUED.value)
        .values(status=HandoffStatus.CLAIMED.value, claimed_by=counsellor_id, claimed_at=utcnow())
        .returning(Handoff.id)
    )
    if claimed_id is None:
        raise AlreadyClaimed(handoff_id)
    handoff = await session.get(Handoff, handoff_id, populate_existing=True)
    await session.execute(
        update(Conversation)
        .where(Conversation.id == handoff.conversation_id)
        .values(owner=Owner.COUNSELLOR.value, counsellor_id=counsellor_id)
    )
    return handoff
