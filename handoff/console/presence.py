"""Counsellor presence: who is available right now (drives the queue estimate and the offer of a person).

Present means: marked available, not disabled, and with a live session seen in
the last few minutes (the console page polls, which refreshes it). A
counsellor who closes the laptop without logging out drops out by themselves.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Optional

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from handoff.models import COUNSELLING_ROLES, User, UserSession, utcnow

FRESH = timedelta(minutes=3)


async def set_available(session: AsyncSession, *, user_id: int, available: bool) -> None:
    await session.execute(update(User).where(User.id == user_id).values(available=available))


async def present_counsellors(session: AsyncSession, *, now: Optional[datetime] = None) -> int:
    """How many counsellors can answer a resident now."""
    now = now or utcnow()
    live = (
        select(UserSession.user_id)
        .where(UserSession.expires_at > now, UserSession.last_seen_at >= now - FRESH)
    )
    count = await session.scalar(
        select(func.count()).select_from(User).where(
            User.available.is_(True), User.disabled_at.is_(None),
            User.role.in_(COUNSELLING_ROLES), User.id.in_(live),
        )
    )
    return int(count or 0)
