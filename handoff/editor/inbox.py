"""The editors' inbox: resident wordings the assistant did not understand well.

Why redacted on the way in: the inbox is read by content editors, who need
the wording, not the person. Only `redact_for_storage`'s output is ever
written, with the language, the predicted intent and its confidence and the
day; nothing links an item to its conversation. An item leaves the inbox
when an editor assigns it to an intent (it becomes a pending training
example at the publisher) or dismisses it; either way the row is deleted.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from handoff.models import InboxItem, utcnow
from nlu.redaction import redact_for_storage

LOW_CONFIDENCE = 0.5  # below this (or when the fallback fired) a message is "not understood well"
MAX_TEXT_CHARS = 500  # a sample of wording, not a letter
MIN_TEXT_CHARS = 3
MAX_OPEN_ITEMS = 5000  # a full inbox takes no more: editors cannot read more anyway
LANGUAGES = ("fi", "sv", "en")


class UnknownItem(Exception):
    """The inbox item does not exist (or another editor handled it already)."""


@dataclass(frozen=True)
class NluOutcome:
    """What the bot's channel reported for one message (bot/channels/nlu_outcome.py)."""

    intent: Optional[str]
    confidence: float
    fallback: bool

    @classmethod
    def parse(cls, data: Any) -> Optional["NluOutcome"]:
        if not isinstance(data, dict):
            return None
        try:
            confidence = float(data.get("confidence") or 0.0)
        except (TypeError, ValueError):
            return None
        intent = data.get("intent")
        return cls(intent=str(intent)[:64] if intent else None, confidence=confidence,
                   fallback=bool(data.get("fallback")))

    @property
    def unclear(self) -> bool:
        return self.fallback or self.confidence < LOW_CONFIDENCE


async def capture(
    session: AsyncSession, *, text: str, language: str, outcome: Optional[NluOutcome], today: Optional[date] = None,
) -> Optional[int]:
    """Stores the redacted text when the outcome was unclear; returns the new id (None: not stored)."""
    if outcome is None or not outcome.unclear or text.startswith("/"):
        return None
    redacted, _kinds = redact_for_storage(" ".join(text.split()))
    redacted = redacted[:MAX_TEXT_CHARS]
    if len(redacted) < MIN_TEXT_CHARS:
        return None
    if (await session.scalar(select(func.count()).select_from(InboxItem)) or 0) >= MAX_OPEN_ITEMS:
        return None
    item = InboxItem(
        text=redacted, language=language if language in LANGUAGES else "fi", intent=outcome.intent,
        confidence=round(outcome.confidence, 4), fell_back=outcome.fallback,
        received_on=today or utcnow().date(),
    )
    session.add(item)
    await session.flush()
    return item.id


async def open_items(session: AsyncSession, *, limit: int = 200, language: Optional[str] = None) -> list[InboxItem]:
    """Newest day first, least confident first within a day."""
    query = select(InboxItem).order_by(InboxItem.received_on.desc(), InboxItem.confidence, InboxItem.id).limit(limit)
    if language:
        query = query.where(InboxItem.language == language)
    return list(await session.scalars(query))


async def get_item(session: AsyncSession, *, item_id: int) -> InboxItem:
    item = await session.get(InboxItem, item_id)
    if item is None:
        raise UnknownItem(item_id)
    return item


async def remove(session: AsyncSession, *, item_id: int) -> None:
    """Deletes the item; exactly one of two editors handling it at once succeeds."""
    result = await session.execute(delete(InboxItem).where(InboxItem.id == item_id))
    if result.rowcount != 1:
        raise UnknownItem(item_id)


async def forget_older_than(session: AsyncSession, *, day: date) -> int:
    """Deletes items received before `day` (the retention purge); returns how many."""
    result = await session.execute(delete(InboxItem).where(InboxItem.received_on < day))
    return result.rowcount or 0
