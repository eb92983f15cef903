"""Server-side console sessions and the CSRF tokens bound to them.

The cookie carries a random token; the database keeps only its SHA-256, the
user and the expiry, so a log-in works on any hub instance and log-out or
disabling a user ends it everywhere at once.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta
from typing import Optional

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from handoff.models import User, UserSession, utcnow

TOKEN_BYTES = 32
TOUCH_INTERVAL = timedelta(seconds=60)


def token_id(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def csrf_token(secret_key: str, token: str) -> str:
    """The CSRF token of a session: an HMAC of the session token (nothing stored)."""
    return hmac.new(secret_key.encode(), f"csrf|{token}".encode(), hashlib.sha256).hexdigest()


def csrf_valid(secret_key: str, token: str, candidate: Optional[str]) -> bool:
    return bool(candidate) and hmac.compare_digest(csrf_token(secret_key, token), candidate or "")


async def create_session(
    session: AsyncSession, *, user_id: int, hours: int, now: Optional[datetime] = None
) -> str:
    """Stores a new session and returns its token (the only copy, for the cookie)."""
    now = now or utcnow()
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(UserSession(
        id=token_id(token), user_id=user_id, created_at=now, last_seen_at=now,
        expires_at=now + timedelta(hours=hours),
    ))
    await session.flush()
    return token


async def load_session(
    session: AsyncSession, *, token: str, now: Optional[datetime] = None
) -> Optional[tuple[UserSession, User]]:
    """The live session and its user, or None (unknown, expired, or user disabled)."""
    if not token or len(token) > 128:
        return None
    now = now or utcnow()
    row = (await session.execute(
        select(UserSession, User).join(User, User.id == UserSession.user_id)
        .where(UserSession.id == token_id(token), UserSession.expires_at > now, User.disabled_at.is_(None))
    )).first()
    return (row[0], row[1]) if row else None


def stale(user_session: UserSession, *, now: datetime) -> bool:
    """True when the last recorded activity is older than the touch interval."""
    seen = user_session.last_seen_at
    if seen.tzinfo is None:  # SQLite returns naive UTC
        seen = seen.replace(tzinfo=now.tzinfo)
    return seen < now - TOUCH_INTERVAL


async def touch(session: AsyncSession, *, session_id: str, now: Optional[datetime] = None) -> None:
    """Records activity (presence freshness); at most once a minute per session."""
    now = now or utcnow()
    await session.execute(
        update(UserSession)
        .where(UserSession.id == session_id, UserSession.last_seen_at < now - TOUCH_INTERVAL)
        .values(last_seen_at=now)
    )


async def revoke(session: AsyncSession, *, token: str) -> None:
    await session.execute(delete(UserSession).where(UserSession.id == token_id(token)))


async def revoke_all(session: AsyncSession, *, user_id: int) -> None:
    await session.execute(delete(UserSession).where(UserSession.user_id == user_id))


async def forget_expired(session: AsyncSession, *, now: Optional[datetime] = None) -> int:
    result = await session.execute(delete(UserSession).where(UserSession.expires_at <= (now or utcnow())))
    return result.rowcount or 0
