"""What the queue page shows: waiting handoffs in order, and the counsellor's own conversations."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handoff.auth.users import aware
from handoff.console.presence import present_counsellors
from handoff.models import Conversation, Handoff, HandoffStatus, utcnow
from handoff.queue import queued

LEVEL_LABELS = {"emergency": "Hätä", "urgent": "Kiireellinen", "support": "Tuki", "none": "Muu"}


def _item(handoff: Handoff, language: str, now: datetime) -> dict[str, Any]:
    return {
        "handoff_id": handoff.id,
        "conversation_id": handoff.conversation_id,
        "level": handoff.level if handoff.level in LEVEL_LABELS else "none",
        "level_label": LEVEL_LABELS.get(handoff.level, LEVEL_LABELS["none"]),
        "markers": [str(marker) for marker in (handoff.markers or [])],
        "language": language,
        "waited_seconds": max(0, int((now - aware(handoff.created_at)).total_seconds())),
        "status": handoff.status,
    }


async def _languages(session: AsyncSession, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = await session.execute(select(Conversation.id, Conversation.language).where(Conversation.id.in_(ids)))
    return dict(rows.tuples().all())


async def snapshot(session: AsyncSession, *, user_id: int, now: Optional[datetime] = None) -> dict[str, Any]:
    """The queue (emergency, urgent, support, other; oldest first) plus "mine" and presence.

    Carries ids, levels, markers and times only: no message text.
    """
    now = now or utcnow()
    waiting = await queued(session)
    mine = list(await session.scalars(
        select(Handoff).where(Handoff.status == HandoffStatus.CLAIMED.value, Handoff.claimed_by == user_id)
        .order_by(Handoff.claimed_at)
    ))
    languages = await _languages(session, [h.conversation_id for h in [*waiting, *mine]])
    return {
        "queue": [_item(h, languages.get(h.conversation_id, "fi"), now) for h in waiting],
        "mine": [_item(h, languages.get(h.conversation_id, "fi"), now) for h in mine],
        "present": await present_counsellors(session, now=now),
        "now": now.isoformat(),
    }
