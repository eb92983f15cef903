"""Phone-guidance contacts and the statistics of all contacts (chat, callback, phone).

Chat contacts are counted from closed handoffs, phone and callback contacts
from `phone_contacts`; grouped per day (UTC), channel, level and outcome.
Grouping is done here rather than in SQL so that SQLite and PostgreSQL give
the same days.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Optional

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handoff.auth.users import aware
from handoff.console.conversations import OUTCOMES
from handoff.console.errors import Invalid
from handoff.levels import LEVEL_ORDER
from handoff.models import Handoff, HandoffStatus, PhoneContact, utcnow

CHANNELS = ("chat", "callback", "phone")
LANGUAGES = ("fi", "sv", "en")
MAX_DAYS = 366


@dataclass(frozen=True)
class StatRow:
    day: date
    channel: str
    level: str
    outcome: str
    count: int


async def log_phone_contact(
    session: AsyncSession, *, counsellor_id: int, level: str, outcome: str, language: str = "fi",
    minutes: Optional[int] = None, occurred_at: Optional[datetime] = None,
) -> PhoneContact:
    """Records one phone-guidance contact (no name, number or content: statistics only)."""
    if level not in LEVEL_ORDER:
        raise Invalid("Valitse kiireellisyys. (Choose a level.)")
    if outcome not in OUTCOMES:
        raise Invalid("Valitse lopputulos. (Choose an outcome.)")
    if language not in LANGUAGES:
        raise Invalid("Valitse kieli. (Choose a language.)")
    if minutes is not None and not 0 <= minutes <= 600:
        raise Invalid("Kesto on 0–600 minuuttia. (Duration 0-600 minutes.)")
    now = utcnow()
    occurred_at = aware(occurred_at) or now
    if occurred_at > now + timedelta(minutes=5) or occurred_at < now - timedelta(days=31):
        raise Invalid("Ajankohdan pitää olla viimeisen kuukauden ajalta. (Within the last month.)")
    contact = PhoneContact(channel="phone", counsellor_id=counsellor_id, level=level, outcome=outcome,
                           language=language, minutes=minutes, occurred_at=occurred_at)
    session.add(contact)
    await session.flush()
    return contact


async def daily_statistics(session: AsyncSession, *, days: int = 30, now: Optional[datetime] = None) -> list[StatRow]:
    """Contacts per day, channel, level and outcome for the last `days` days, newest day first."""
    now = now or utcnow()
    since = now - timedelta(days=max(1, min(days, MAX_DAYS)))
    counts: Counter[tuple[date, str, str, str]] = Counter()
    chats = await session.execute(
        select(Handoff.closed_at, Handoff.level, Handoff.outcome)
        .where(Handoff.status == HandoffStatus.CLOSED.value, Handoff.closed_at >= since)
    )
    for closed_at, level, outcome in chats.tuples():
        counts[(aware(closed_at).date(), "chat", level, outcome or "none")] += 1
    phones = await session.execute(
        select(PhoneContact.occurred_at, PhoneContact.channel, PhoneContact.level, PhoneContact.outcome)
        .where(PhoneContact.occurred_at >= since)
    )
    for occurred_at, channel, level, outcome in phones.tuples():
        counts[(aware(occurred_at).date(), channel, level, outcome)] += 1
    rows = [StatRow(day, channel, level, outcome, n) for (day, channel, level, outcome), n in counts.items()]
    return sorted(rows, key=lambda r: (-r.day.toordinal(), CHANNELS.index(r.channel) if r.channel in CHANNELS else 9,
                                       LEVEL_ORDER.get(r.level, 9), r.outcome))
