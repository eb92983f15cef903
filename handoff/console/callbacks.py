"""The callback list: open requests by level and age, marked done with an outcome.

Reading the list shows phone numbers, so it is audited like a transcript.
Marking done is a compare-and-set (two counsellors cannot both take the same
call), and records a phone contact so the call appears in the statistics.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Optional

from sqlalchemy import case, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from handoff import audit
from handoff.auth.users import aware
from handoff.console.conversations import OUTCOMES
from handoff.console.errors import Conflict, Invalid
from handoff.levels import LEVEL_ORDER
from handoff.models import Callback, PhoneContact, utcnow

REASONS = {"outside_hours": "Aukioloajan ulkopuolella", "nobody_available": "Ei ohjaajia paikalla",
           "queue_full": "Jono täynnä", "resident_choice": "Asukkaan valinta",
           "agreed_in_chat": "Sovittu chatissa"}


def _row(callback: Callback, now: datetime) -> dict[str, Any]:
    return {
        "id": callback.id, "phone": callback.phone, "preferred_time": callback.preferred_time or "",
        "level": callback.level, "reason": callback.reason, "reason_label": REASONS.get(callback.reason, callback.reason),
        "language": getattr(callback, "language", "fi"), "status": callback.status,
        "conversation_id": callback.conversation_id,
        "waited_minutes": max(0, int((now - aware(callback.created_at)).total_seconds() // 60)),
        "done_at": aware(callback.done_at).isoformat() if callback.done_at else None,
    }


async def read_list(
    session: AsyncSession, *, actor_id: int, ip: Optional[str], now: Optional[datetime] = None, done_days: int = 7,
) -> dict[str, list[dict[str, Any]]]:
    """Open callbacks (emergency first, then oldest) and those done recently; audited."""
    now = now or utcnow()
    rank = case(LEVEL_ORDER, value=Callback.level, else_=len(LEVEL_ORDER))
    open_rows = list(await session.scalars(
        select(Callback).where(Callback.status == "open").order_by(rank, Callback.created_at, Callback.id)
    ))
    done_rows = list(await session.scalars(
        select(Callback).where(Callback.status == "done", Callback.done_at >= now - timedelta(days=done_days))
        .order_by(Callback.done_at.desc()).limit(200)
    ))
    await audit.record(session, actor_id=actor_id, action="callbacks.read", target="callbacks",
                       details={"open": len(open_rows), "done": len(done_rows)}, ip=ip)
    return {"open": [_row(c, now) for c in open_rows], "done": [_row(c, now) for c in done_rows]}


async def mark_done(
    session: AsyncSession, *, callback_id: int, user_id: int, outcome: str, now: Optional[datetime] = None,
) -> Callback:
    if outcome not in OUTCOMES:
        raise Invalid("Valitse lopputulos. (Choose an outcome.)")
    now = now or utcnow()
    done = await session.scalar(
        update(Callback).where(Callback.id == callback_id, Callback.status == "open")
        .values(status="done", done_by=user_id, done_at=now).returning(Callback.id)
    )
    if done is None:
        raise Conflict("Takaisinsoitto on jo hoidettu tai sitä ei ole. (Already done or unknown.)")
    callback = await session.get(Callback, callback_id, populate_existing=True)
    session.add(PhoneContact(channel="callback", callback_id=callback_id, counsellor_id=user_id, occurred_at=now,
                             level=callback.level, outcome=outcome, language=getattr(callback, "language", "fi")))
    await session.flush()
    return callback
