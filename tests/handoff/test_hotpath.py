"""The per-message statements (handoff/hotpath.py) keep the message log's invariants, on both databases."""
from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from handoff.hotpath import Claimed, claim_next, conversation_state, store_bot_replies, store_resident_message
from handoff.messages import (ConversationClosed, UnknownConversation, append_message, create_conversation,
                              messages_after)
from handoff.models import Conversation, Message, Owner, RelayStatus, Sender

pytestmark = pytest.mark.asyncio
STALE = timedelta(seconds=40)


async def _conversation(sessionmaker, **values) -> str:
    async with sessionmaker.begin() as session:
        conversation = await create_conversation(session)
        for key, value in values.items():
            setattr(conversation, key, value)
        return conversation.id


def _claimed(stored) -> Claimed:
    return Claimed(stored.message.id, stored.message.seq, stored.message.text)


async def _status(sessionmaker, message_id: int) -> str:
    async with sessionmaker() as session:
        return await session.scalar(select(Message.relay_status).where(Message.id == message_id))


async def test_a_message_to_the_bot_with_nothing_in_flight_is_claimed_when_stored(sessionmaker) -> None:
    engine = sessionmaker.kw["bind"]
    conversation_id = await _conversation(sessionmaker)
    first = await store_resident_message(engine, conversation_id=conversation_id, text="hei", client_msg_id="a")
    assert first.created and first.claimed and first.message.seq == 1
    assert first.state.owner == Owner.BOT.value and first.state.language == "fi"
    assert await _status(sessionmaker, first.message.id) == RelayStatus.RELAYING.value
    # The first is still on its way: the second waits its turn (pending), so the order holds.
    second = await store_resident_message(engine, conversation_id=conversation_id, text="moi", client_msg_id="b")
    assert second.created and not second.claimed and second.message.seq == 2
    assert await _status(sessionmaker, second.message.id) == RelayStatus.PENDING.value
    assert await claim_next(engine, conversation_id, STALE) is None  # the first is in flight, not stale
    await store_bot_replies(engine, conversation_id=conversation_id, answered=_claimed(first),
                            replies=[("Vastaus", None)])
    assert await claim_next(engine, conversation_id, STALE) == Claimed(second.message.id, 2, "moi")


async def test_a_pending_hand_back_or_a_person_owning_it_means_no_claim(sessionmaker) -> None:
    engine = sessionmaker.kw["bind"]
    handed_back = await _conversation(sessionmaker, handback_pending=True)
    stored = await store_resident_message(engine, conversation_id=handed_back, text="hei", client_msg_id="a")
    assert not stored.claimed and stored.message.relay_status == RelayStatus.PENDING.value
    with_person = await _conversation(sessionmaker, owner=Owner.COUNSELLOR.value)
    held = await store_resident_message(engine, conversation_id=with_person, text="hei", client_msg_id="a")
    assert not held.claimed and held.message.relay_status == RelayStatus.HELD.value


async def test_a_retry_gets_the_first_copy_even_after_closing(sessionmaker) -> None:
    engine = sessionmaker.kw["bind"]
    conversation_id = await _conversation(sessionmaker)
    first = await store_resident_message(engine, conversation_id=conversation_id, text="hei", client_msg_id="a")
    again = await store_resident_message(engine, conversation_id=conversation_id, text="hei", client_msg_id="a")
    assert not again.created and again.state is None and again.message.id == first.message.id
    async with sessionmaker.begin() as session:
        await session.execute(update(Conversation).values(owner=Owner.CLOSED.value))
    after_close = await store_resident_message(engine, conversation_id=conversation_id, text="hei", client_msg_id="a")
    assert after_close.message.id == first.message.id and not after_close.created
    with pytest.raises(ConversationClosed):
        await store_resident_message(engine, conversation_id=conversation_id, text="uusi", client_msg_id="b")
    with pytest.raises(UnknownConversation):
        await store_resident_message(engine, conversation_id="0" * 32, text="hei", client_msg_id="a")
    async with sessionmaker() as session:  # the refused retry gave its number back: no gaps
        assert [m.seq for m in await messages_after(session, conversation_id=conversation_id)] == [1]
        assert (await session.get(Conversation, conversation_id)).next_seq == 2


async def test_concurrent_messages_get_distinct_numbers_and_one_claim(sessionmaker) -> None:
    engine = sessionmaker.kw["bind"]
    conversation_id = await _conversation(sessionmaker)
    stored = await asyncio.gather(*(
        store_resident_message(engine, conversation_id=conversation_id, text=f"m{i}", client_msg_id=f"c{i}")
        for i in range(8)))
    assert sorted(s.message.seq for s in stored) == list(range(1, 9))
    assert sum(s.claimed for s in stored) == 1


async def test_replies_are_stored_once_and_delivered_by_the_caller_when_nothing_older_is_unsent(sessionmaker) -> None:
    engine = sessionmaker.kw["bind"]
    conversation_id = await _conversation(sessionmaker)
    message = await store_resident_message(engine, conversation_id=conversation_id, text="hei", client_msg_id="a")
    replies = [("Hei!", None), ("Valitse", {"buttons": [{"title": "Kyllä", "payload": "/affirm"}]})]
    stored = await store_bot_replies(engine, conversation_id=conversation_id, answered=_claimed(message),
                                     replies=replies)
    assert stored.emit_directly and [m.seq for m in stored.messages] == [2, 3]
    assert stored.messages[1].payload == {"buttons": [{"title": "Kyllä", "payload": "/affirm"}]}
    assert await _status(sessionmaker, message.message.id) == RelayStatus.DONE.value
    # The same answer stored again (a relay thought stuck that finished after all): the first copy stands.
    assert await store_bot_replies(engine, conversation_id=conversation_id, answered=_claimed(message),
                                   replies=replies) is None
    async with sessionmaker() as session:
        log = await messages_after(session, conversation_id=conversation_id)
        conversation = await session.get(Conversation, conversation_id)
    assert [(m.seq, m.sender, m.client_msg_id) for m in log] == [
        (1, "resident", "a"), (2, "bot", f"bot:{message.message.id}:0"), (3, "bot", f"bot:{message.message.id}:1")]
    assert conversation.delivered_seq == 3 and conversation.next_seq == 4


async def test_an_older_unsent_message_is_left_to_push_unsent(sessionmaker) -> None:
    engine = sessionmaker.kw["bind"]
    conversation_id = await _conversation(sessionmaker)
    message = await store_resident_message(engine, conversation_id=conversation_id, text="hei", client_msg_id="a")
    async with sessionmaker.begin() as session:  # e.g. the hub's own notice, stored but not yet emitted
        await append_message(session, conversation_id=conversation_id, sender=Sender.SYSTEM.value, text="notice")
    stored = await store_bot_replies(engine, conversation_id=conversation_id, answered=_claimed(message),
                                     replies=[("Vastaus", None)])
    assert not stored.emit_directly
    async with sessionmaker() as session:
        assert (await session.get(Conversation, conversation_id)).delivered_seq == 0


async def test_an_unsent_notice_before_the_message_is_left_to_push_unsent_too(sessionmaker) -> None:
    engine = sessionmaker.kw["bind"]
    conversation_id = await _conversation(sessionmaker)
    async with sessionmaker.begin() as session:  # stored before the resident wrote, never emitted
        await append_message(session, conversation_id=conversation_id, sender=Sender.SYSTEM.value, text="notice")
    message = await store_resident_message(engine, conversation_id=conversation_id, text="hei", client_msg_id="a")
    stored = await store_bot_replies(engine, conversation_id=conversation_id, answered=_claimed(message),
                                     replies=[("Vastaus", None)])
    assert not stored.emit_directly and [m.seq for m in stored.messages] == [3]
    # Once everything up to the message was delivered, the next answer is the caller's to emit.
    async with sessionmaker.begin() as session:
        await session.execute(update(Conversation).values(delivered_seq=3))
    again = await store_resident_message(engine, conversation_id=conversation_id, text="moi", client_msg_id="b")
    stored = await store_bot_replies(engine, conversation_id=conversation_id, answered=_claimed(again),
                                     replies=[("Toinen", None)])
    assert stored.emit_directly and [m.seq for m in stored.messages] == [5]


async def test_claims_take_the_oldest_and_retake_a_stale_relay(sessionmaker) -> None:
    engine = sessionmaker.kw["bind"]
    conversation_id = await _conversation(sessionmaker)
    first = await store_resident_message(engine, conversation_id=conversation_id, text="yksi", client_msg_id="a")
    second = await store_resident_message(engine, conversation_id=conversation_id, text="kaksi", client_msg_id="b")
    # A relay that crashed long ago left the first `relaying`: it is taken again, before the second.
    assert await claim_next(engine, conversation_id, timedelta(seconds=-1)) == Claimed(first.message.id, 1, "yksi")
    async with sessionmaker() as session:
        assert (await session.get(Message, first.message.id)).relay_attempts == 2
    # A person takes over: waiting messages are held, the bot stays silent.
    async with sessionmaker.begin() as session:
        await session.execute(update(Conversation).values(owner=Owner.WAITING.value))
    assert await claim_next(engine, conversation_id, STALE) is None
    assert await _status(sessionmaker, second.message.id) == RelayStatus.HELD.value
    state = await conversation_state(engine, conversation_id)
    assert state.owner == Owner.WAITING.value and not state.bot_unavailable


async def test_a_button_press_keeps_its_title_shown_and_its_payload_for_the_bot(sessionmaker) -> None:
    engine = sessionmaker.kw["bind"]
    conversation_id = await _conversation(sessionmaker)
    stored = await store_resident_message(engine, conversation_id=conversation_id, text="Kyllä",
                                          client_msg_id="a", payload={"relay_text": "/affirm"})
    async with sessionmaker() as session:
        message = await session.get(Message, stored.message.id)
    assert (message.text, message.payload, message.sender) == ("Kyllä", {"relay_text": "/affirm"}, "resident")
    assert message.relay_attempts == 1 and message.relay_started_at is not None
    # A retried claim of the same message (stale) goes to the bot with the payload's text.
    assert await claim_next(engine, conversation_id, timedelta(seconds=-1)) == Claimed(stored.message.id, 1, "/affirm")


async def test_replies_before_a_handoff_leave_the_message_to_the_handoff_transaction(sessionmaker) -> None:
    engine = sessionmaker.kw["bind"]
    conversation_id = await _conversation(sessionmaker)
    message = await store_resident_message(engine, conversation_id=conversation_id, text="apua", client_msg_id="a")
    stored = await store_bot_replies(engine, conversation_id=conversation_id, answered=_claimed(message),
                                     replies=[("Soita 112.", None)], done=False)
    assert stored.emit_directly and await _status(sessionmaker, message.message.id) == RelayStatus.RELAYING.value
    # Relayed again after a failed handoff: the words stay as first stored, the message still not done.
    assert await store_bot_replies(engine, conversation_id=conversation_id, answered=_claimed(message),
                                   replies=[("Soita 112.", None)], done=False) is None
    assert await _status(sessionmaker, message.message.id) == RelayStatus.RELAYING.value
