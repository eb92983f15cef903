"""The editors' inbox service (handoff/editor/inbox.py) on the real databases."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from handoff.editor.inbox import NluOutcome, UnknownItem, capture, open_items, remove
from handoff.models import InboxItem


UNCLEAR = NluOutcome(intent="ask_housing", confidence=0.21, fallback=True)


@pytest.mark.asyncio
async def test_unclear_messages_are_kept_redacted_without_a_conversation(sessionmaker) -> None:
    text = "Nimeni on Matti Virtanen, asun Hämeenkatu 12 B 5 ja puh 040 123 4567. Olen työtön, saanko tukea?"
    async with sessionmaker.begin() as session:
        item_id = await capture(session, text=text, language="fi", outcome=UNCLEAR, today=date(2026, 11, 23))
    async with sessionmaker() as session:
        item = await session.get(InboxItem, item_id)
    assert item.text == "Nimeni on [nimi], asun [osoite] ja puh [puh]. Olen työtön, saanko tukea?"
    assert (item.language, item.intent, item.confidence, item.fell_back) == ("fi", "ask_housing", 0.21, True)
    assert item.received_on == date(2026, 11, 23)
    assert not {"conversation_id", "created_at", "message_id"} & set(InboxItem.__table__.columns.keys())


@pytest.mark.parametrize("outcome, text", [
    (NluOutcome(intent="ask_housing", confidence=0.93, fallback=False), "Miten haen asumistukea?"),  # understood
    (None, "ei tulosta"),                                                                          # bot said nothing
    (UNCLEAR, "/request_human"),                                                                   # a button
    (UNCLEAR, " ?"),                                                                               # nothing to learn
])
@pytest.mark.asyncio
async def test_understood_or_empty_messages_are_not_kept(sessionmaker, outcome, text) -> None:
    async with sessionmaker.begin() as session:
        assert await capture(session, text=text, language="fi", outcome=outcome) is None
    async with sessionmaker() as session:
        assert list(await session.scalars(select(InboxItem))) == []


@pytest.mark.asyncio
async def test_low_confidence_without_fallback_is_kept_and_handled_once(sessionmaker) -> None:
    low = NluOutcome.parse({"intent": "ask_debt_advice", "confidence": 0.41, "fallback": False})
    assert low is not None and low.unclear
    async with sessionmaker.begin() as session:
        first = await capture(session, text="rahat loppu kesken kuun", language="xx", outcome=low)
        second = await capture(session, text="mitä teen", language="sv", outcome=UNCLEAR)
    async with sessionmaker() as session:
        items = await open_items(session)
    assert [i.id for i in items] == [second, first]  # least confident first within a day
    assert items[1].language == "fi"  # unknown languages are not stored as given
    async with sessionmaker.begin() as session:
        await remove(session, item_id=first)
    with pytest.raises(UnknownItem):
        async with sessionmaker.begin() as session:
            await remove(session, item_id=first)


def test_outcome_parsing_is_defensive() -> None:
    assert NluOutcome.parse(None) is None
    assert NluOutcome.parse({"confidence": "x"}) is None
    assert NluOutcome.parse({"intent": "greet", "confidence": 0.99}).unclear is False


@pytest.mark.asyncio
async def test_the_retention_purge_deletes_old_items(sessionmaker) -> None:
    from datetime import datetime, timezone

    from handoff.retention import purge

    async with sessionmaker.begin() as session:
        await capture(session, text="vanha kysymys", language="fi", outcome=UNCLEAR, today=date(2025, 1, 1))
        kept = await capture(session, text="uusi kysymys", language="fi", outcome=UNCLEAR, today=date(2026, 11, 20))
    async with sessionmaker.begin() as session:
        await purge(session, retention_days=30, anonymise=True, now=datetime(2026, 11, 23, tzinfo=timezone.utc))
    async with sessionmaker() as session:
        assert [i.id for i in await open_items(session)] == [kept]
