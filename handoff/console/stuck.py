"""Admin override for conversations stuck with a person: see them, release, reassign, return to the bot.

Why: a counsellor who claimed a conversation and then went away (closed the
laptop, fell ill) leaves a resident whom the bot will not answer and nobody
else may answer; a conversation can also wait in the queue far too long.
Only an admin may override, each action is one compare-and-set on the state
the admin saw (so two admins, or the counsellor coming back, cannot both win),
and the route writes an audit row (who, what, when) in the same transaction.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Optional

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from handoff.auth.users import aware
from handoff.console.conversations import system_message
from handoff.console.errors import Conflict, Invalid
from handoff.console.presence import FRESH
from handoff.models import (COUNSELLING_ROLES, Conversation, Handoff, HandoffStatus, Message, Owner, User, UserSession,
                            utcnow)

WAITING_TOO_LONG = timedelta(minutes=15)
IDLE_TOO_LONG = timedelta(minutes=20)
RETURNED_OUTCOME = "returned_by_admin"
REASONS = {
    "waiting_long": f"Odottanut jonossa yli {WAITING_TOO_LONG.seconds // 60} min",
    "holder_away": "Ohjaaja poissa tai ei kirjautuneena",
    "holder_disabled": "Ohjaajan tunnus poistettu käytöstä",
    "idle": f"Ei viestejä yli {IDLE_TOO_LONG.seconds // 60} minuuttiin",
}


@dataclass(frozen=True)
class Expected:
    """The state the admin saw; the override applies only if it is still so."""

    handoff_id: int
    status: str
    holder: Optional[int]


async def _live_user_ids(session: AsyncSession, now: datetime) -> set[int]:
    rows = await session.scalars(select(UserSession.user_id).where(
        UserSession.expires_at > now, UserSession.last_seen_at >= now - FRESH))
    return set(rows)


def _reasons(handoff: Handoff, holder: Optional[User], live: set[int], last_activity: datetime,
             now: datetime) -> list[str]:
    if handoff.status == HandoffStatus.QUEUED.value:
        return ["waiting_long"] if now - aware(handoff.created_at) >= WAITING_TOO_LONG else []
    reasons = []
    if holder is None or holder.disabled_at is not None:
        reasons.append("holder_disabled")
    elif not holder.available or holder.id not in live:
        reasons.append("holder_away")
    if now - last_activity >= IDLE_TOO_LONG:
        reasons.append("idle")
    return reasons


async def open_handoffs(session: AsyncSession, *, now: Optional[datetime] = None) -> list[dict[str, Any]]:
    """Every queued or claimed handoff, the stuck ones first; ids, levels, names and times only."""
    now = now or utcnow()
    handoffs = list(await session.scalars(
        select(Handoff).where(Handoff.status.in_((HandoffStatus.QUEUED.value, HandoffStatus.CLAIMED.value)))
        .order_by(Handoff.created_at, Handoff.id)))
    ids = [h.conversation_id for h in handoffs]
    last = dict((await session.execute(
        select(Message.conversation_id, func.max(Message.created_at)).where(Message.conversation_id.in_(ids))
        .group_by(Message.conversation_id))).tuples().all()) if ids else {}
    users = {u.id: u for u in await session.scalars(select(User))}
    live = await _live_user_ids(session, now)
    rows = []
    for handoff in handoffs:
        holder = users.get(handoff.claimed_by) if handoff.claimed_by else None
        since = aware(handoff.claimed_at or handoff.created_at)
        activity = max(since, aware(last[handoff.conversation_id])) if last.get(handoff.conversation_id) else since
        rows.append({
            "handoff_id": handoff.id, "conversation_id": handoff.conversation_id, "level": handoff.level,
            "status": handoff.status, "holder_id": handoff.claimed_by, "holder": holder.username if holder else None,
            "waited_minutes": int((now - aware(handoff.created_at)).total_seconds() // 60),
            "idle_minutes": int((now - activity).total_seconds() // 60),
            "reasons": _reasons(handoff, holder, live, activity, now),
        })
    return sorted(rows, key=lambda r: (not r["reasons"], r["handoff_id"]))


async def _take(session: AsyncSession, expected: Expected, **values: Any) -> Handoff:
    """The compare-and-set: applies `values` only if the handoff is still as the admin saw it."""
    holder_matches = (Handoff.claimed_by.is_(None) if expected.holder is None
                      else Handoff.claimed_by == expected.holder)
    changed = await session.scalar(
        update(Handoff).where(Handoff.id == expected.handoff_id, Handoff.status == expected.status, holder_matches,
                              Handoff.status.in_((HandoffStatus.QUEUED.value, HandoffStatus.CLAIMED.value)))
        .values(**values).returning(Handoff.id))
    if changed is None:
        raise Conflict("Keskustelun tila muuttui juuri; lataa sivu. (The conversation changed; reload.)")
    return await session.get(Handoff, expected.handoff_id, populate_existing=True)


async def release(session: AsyncSession, *, expected: Expected) -> Handoff:
    """Back to the queue: the claim is undone and the next counsellor can take it."""
    if expected.status != HandoffStatus.CLAIMED.value:
        raise Invalid("Vain ohjaajalla oleva keskustelu voidaan palauttaa jonoon. (Only a claimed one.)")
    handoff = await _take(session, expected, status=HandoffStatus.QUEUED.value, claimed_by=None, claimed_at=None)
    await session.execute(update(Conversation).where(Conversation.id == handoff.conversation_id)
                          .values(owner=Owner.WAITING.value, counsellor_id=None))
    await system_message(session, handoff.conversation_id, "requeued")
    return handoff


async def reassign(session: AsyncSession, *, expected: Expected, to_user_id: int) -> Handoff:
    """To a named counsellor (from the queue, or from the holder who went away)."""
    colleague = await session.get(User, to_user_id)
    if (colleague is None or colleague.disabled_at is not None or colleague.role not in COUNSELLING_ROLES
            or colleague.id == expected.holder):
        raise Invalid("Valitse toinen aktiivinen ohjaaja. (Choose another active counsellor.)")
    handoff = await _take(session, expected, status=HandoffStatus.CLAIMED.value, claimed_by=to_user_id,
                          claimed_at=utcnow())
    await session.execute(update(Conversation).where(Conversation.id == handoff.conversation_id)
                          .values(owner=Owner.COUNSELLOR.value, counsellor_id=to_user_id))
    await system_message(session, handoff.conversation_id,
                          "transferred" if expected.status == HandoffStatus.CLAIMED.value else "joined")
    return handoff


async def close_for_bot(session: AsyncSession, *, expected: Expected) -> Handoff:
    """Closes the handoff (outcome `returned_by_admin`) and gives the chat to the bot, with the
    hand-back pending, in one transaction; the route then tells the bot (or the retry task does)."""
    handoff = await _take(session, expected, status=HandoffStatus.CLOSED.value, outcome=RETURNED_OUTCOME,
                          closed_at=utcnow())
    await session.execute(update(Conversation).where(Conversation.id == handoff.conversation_id)
                          .values(owner=Owner.BOT.value, counsellor_id=None, handback_pending=True))
    return handoff
