"""The queue order and the claim race: exactly one counsellor wins."""
from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from handoff.messages import create_conversation
from handoff.models import Conversation, Owner, User
from handoff.queue import AlreadyClaimed, claim, enqueue, queued

pytestmark = pytest.mark.asyncio


async def _counsellors(sessionmaker, n: int) -> list[int]:
    async with sessionmaker.begin() as session:
        users = [User(username=f"c{i}", password_hash="x") for i in range(n)]
        session.add_all(users)
        await session.flush()
        return [u.id for u in users]


async def test_queue_orders_by_level_then_waiting_time(sessionmaker) -> None:
    async with sessionmaker.begin() as session:
        for level in ("none", "support", "urgent", "emergency", "urgent"):
            conversation = await create_conversation(session)
            await enqueue(session, conversation_id=conversation.id, level=level, markers=[])
    async with sessionmaker() as session:
        order = [(h.level, h.id) for h in await queued(session)]
    assert [level for level, _ in order] == ["emergency", "urgent", "urgent", "support", "none"]
    assert order[1][1] < order[2][1]  # the older urgent one first


async def test_enqueue_makes_the_conversation_wait(sessionmaker) -> None:
    async with sessionmaker.begin() as session:
        conversation = await create_conversation(session)
        await enqueue(session, conversation_id=conversation.id, level="urgent", markers=["no_place_to_sleep_tonight"])
    async with sessionmaker() as session:
        assert (await session.get(Conversation, conversation.id)).owner == Owner.WAITING.value


async def test_exactly_one_of_many_concurrent_claims_wins(sessionmaker) -> None:
    counsellors = await _counsellors(sessionmaker, 6)
    async with sessionmaker.begin() as session:
        conversation = await create_conversation(session)
        handoff_id = (await enqueue(session, conversation_id=conversation.id, level="urgent", markers=[])).id

    async def try_claim(counsellor_id: int) -> int | None:
        try:
            async with sessionmaker.begin() as session:
                await claim(session, handoff_id=handoff_id, counsellor_id=counsellor_id)
                return counsellor_id
        except AlreadyClaimed:
            return None

    results = await asyncio.gather(*(try_claim(c) for c in counsellors))
    winners = [r for r in results if r is not None]
    assert len(winners) == 1
    async with sessionmaker() as session:
        stored = await session.scalar(select(Conversation).where(Conversation.id == conversation.id))
        assert stored.owner == Owner.COUNSELLOR.value and stored.counsellor_id == winners[0]
        assert await queued(session) == []
