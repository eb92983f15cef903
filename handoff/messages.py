"""Appending messages: ordered per conversation, stored exactly once."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Optional

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from handoff.models import Conversation, Message, Sender
from nlu.redaction import find_phone


class UnknownConversation(LookupError):
    """The conversation id does not exist (or was deleted by retention)."""


class ConversationClosed(Exception):
    """The conversation has ended: a new message cannot be added to it."""


@dataclass(frozen=True)
class Appended:
    message: Message
    created: bool  # False when the client id had been stored before (a retry)


def new_conversation_id() -> str:
    return uuid.uuid4().hex


async def create_conversation(session: AsyncSession, *, language: str = "fi") -> Conversation:
    conversation = Conversation(id=new_conversation_id(), language=language)
    session.add(conversation)
    await session.flush()
    return conversation


async def _existing(session: AsyncSession, conversation_id: str, client_msg_id: str) -> Optional[Message]:
    return await session.scalar(
        select(Message).where(Message.conversation_id == conversation_id, Message.client_msg_id == client_msg_id)
    )


async def append_message(
    session: AsyncSession,
    *,
    conversation_id: str,
    sender: str,
    text: str,
    client_msg_id: Optional[str] = None,
    payload: Optional[dict[str, Any]] = None,
) -> Appended:
    """Stores a message with the conversation's next sequence number.

    Invariant: a client message id is stored at most once per conversation,
    so a retried delivery returns the first copy (`created=False`). The
    sequence number is taken with one atomic UPDATE, so concurrent writers
    (two hub instances) never get the same number.
    """
    if client_msg_id:
        found = await _existing(session, conversation_id, client_msg_id)
        if found is not None:
            return Appended(found, created=False)
    seq = await session.scalar(
        update(Conversation)
        .where(Conversation.id == conversation_id)
        .values(next_seq=Conversation.next_seq + 1)
        .returning(Conversation.next_seq - 1)
    )
    if seq is None:
        raise UnknownConversation(conversation_id)
    message = Message(
        conversation_id=conversation_id, seq=seq, client_msg_id=client_msg_id,
        sender=sender, text=text, payload=payload,
    )
    try:
        async with session.begin_nested():
            session.add(message)
    except IntegrityError:
        # Another delivery of the same client id won the race. Give the number
        # back (our UPDATE still holds the conversation's row or write lock), so
        # a conversation's seqs stay without gaps.
        found = await _existing(session, conversation_id, client_msg_id or "")
        if found is None:
            raise
        await session.execute(update(Conversation).where(Conversation.id == conversation_id,
                                                         Conversation.next_seq == seq + 1).values(next_seq=seq))
        return Appended(found, created=False)
    return Appended(message, created=True)


async def messages_after(session: AsyncSession, *, conversation_id: str, after_seq: int = 0) -> list[Message]:
    """The conversation's messages after `after_seq`, in order (for resume)."""
    result = await session.scalars(
        select(Message)
        .where(Message.conversation_id == conversation_id, Message.seq > after_seq)
        .order_by(Message.seq)
    )
    return list(result)


async def last_resident_phone(session: AsyncSession, conversation_id: str) -> Optional[str]:
    """The phone number the resident last wrote, among their 20 newest messages.

    Why: the bot, and so the intake record, only ever saw `[puh]`; the hub's
    own log has the number the resident typed.
    """
    newest_first = await session.scalars(
        select(Message.text).where(Message.conversation_id == conversation_id, Message.sender == Sender.RESIDENT.value)
        .order_by(Message.seq.desc()).limit(20)
    )
    for text in newest_first:
        phone = find_phone(text)
        if phone:
            return phone
    return None
