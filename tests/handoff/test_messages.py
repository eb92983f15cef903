"""Messages are ordered per conversation and stored exactly once."""
from __future__ import annotations

import asyncio

import pytest

from handoff.messages import UnknownConversation, append_message, create_conversation, messages_after
from handoff.models import Sender

pytestmark = pytest.mark.asyncio


async def test_sequence_numbers_count_up_per_conversation(sessionmaker) -> None:
    async with sessionmaker.begin() as session:
        first = await create_conversation(session)
        second = await create_conversation(session)
        for text in ("a", "b", "c"):
            await append_message(session, conversation_id=first.id, sender=Sender.RESIDENT.value, text=text)
        await append_message(session, conversation_id=second.id, sender=Sender.RESIDENT.value, text="x")
    async with sessionmaker() as session:
        assert [m.seq for m in await messages_after(session, conversation_id=first.id)] == [1, 2, 3]
        assert [m.seq for m in await messages_after(session, conversation_id=second.id)] == [1]
        assert [m.text for m in await messages_after(session, conversation_id=first.id, after_seq=1)] == ["b", "c"]


async def test_a_retried_delivery_is_stored_once(sessionmaker) -> None:
    async with sessionmaker.begin() as session:
        conversation = await create_conversation(session)
        first = await append_message(
            session, conversation_id=conversation.id, sender="resident", text="hei", client_msg_id="c-1"
        )
        again = await append_message(
            session, conversation_id=conversation.id, sender="resident", text="hei", client_msg_id="c-1"
        )
    assert first.created and not again.created and again.message.id == first.message.id
    async with sessionmaker() as session:
        assert len(await messages_after(session, conversation_id=conversation.id)) == 1


async def test_concurrent_writers_never_share_a_sequence_number(sessionmaker) -> None:
    async with sessionmaker.begin() as session:
        conversation_id = (await create_conversation(session)).id

    async def write(i: int) -> None:
        async with sessionmaker.begin() as session:
            await append_message(
                session, conversation_id=conversation_id, sender="resident", text=str(i), client_msg_id=f"m{i}"
            )

    await asyncio.gather(*(write(i) for i in range(20)))
    async with sessionmaker() as session:
        seqs = [m.seq for m in await messages_after(session, conversation_id=conversation_id)]
    assert seqs == list(range(1, 21))


async def test_concurrent_duplicates_are_stored_once(sessionmaker) -> None:
    async with sessionmaker.begin() as session:
        conversation_id = (await create_conversation(session)).id

    async def deliver() -> bool:
        async with sessionmaker.begin() as session:
            result = await append_message(
                session, conversation_id=conversation_id, sender="resident", text="sama", client_msg_id="dup"
            )
            return result.created

    created = await asyncio.gather(*(deliver() for _ in range(8)), return_exceptions=True)
    async with sessionmaker() as session:
        stored = await messages_after(session, conversation_id=conversation_id)
    assert len(stored) == 1 and stored[0].seq == 1
    assert sum(c is True for c in created) == 1
    async with sessionmaker.begin() as session:  # the losers gave their numbers back: no gap follows
        after = await append_message(session, conversation_id=conversation_id, sender="bot", text="vastaus")
    assert after.message.seq == 2


async def test_unknown_conversation_is_refused(sessionmaker) -> None:
    with pytest.raises(UnknownConversation):
        async with sessionmaker.begin() as session:
            await append_message(session, conversation_id="nope", sender="resident", text="hei")
