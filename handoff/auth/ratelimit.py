"""Per-address rate limits counted in the database (shared by every hub instance).

The address is stored only as a keyed hash (HMAC with the hub's secret), so the
table holds no IP addresses.
"""
from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta
from typing import Optional

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from handoff.models import RateEvent, utcnow


def address_key(secret_key: str, address: str) -> str:
    """A pseudonymous, stable key for an address (64 hex characters)."""
    return hmac.new(secret_key.encode(), f"addr|{address}".encode(), hashlib.sha256).hexdigest()


async def hit(
    session: AsyncSession,
    *,
    bucket: str,
    key: str,
    limit: int,
    window: timedelta,
    now: Optional[datetime] = None,
) -> bool:
    """Counts one event for (bucket, key); False when the limit in the window is already reached.

    Invariant: at most `limit` events are accepted per window and key (up to
    the few that race in the same instant, which is enough for a rate limit).
    Refused events are not counted, so a flood does not extend the lock.
    """
    now = now or utcnow()
    since = now - window
    await session.execute(delete(RateEvent).where(
        RateEvent.bucket == bucket, RateEvent.key == key, RateEvent.at < since
    ))
    used = await session.scalar(
        select(func.count()).select_from(RateEvent)
        .where(RateEvent.bucket == bucket, RateEvent.key == key, RateEvent.at >= since)
    )
    if (used or 0) >= limit:
        return False
    session.add(RateEvent(bucket=bucket, key=key, at=now))
    await session.flush()
    return True


async def forget_older_than(session: AsyncSession, *, cutoff: datetime) -> int:
    """Removes events of every bucket older than the cutoff (retention)."""
    result = await session.execute(delete(RateEvent).where(RateEvent.at < cutoff))
    return result.rowcount or 0
