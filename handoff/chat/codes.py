"""Continuation codes: resume a conversation later, or read it out to a counsellor.

Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z,
5/S, 6/G, 8/B), shown as XXXX-XXXX: about 36 bits, with attempts limited per
address, and no login needed.
"""
from __future__ import annotations

import secrets
from typing import Optional

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from handoff.models import Conversation

ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
LENGTH = 8


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(code: str) -> Optional[str]:
    """The stored form of a typed code (case, spaces and hyphens ignored), or None."""
    cleaned = "".join(ch for ch in str(code).upper() if ch not in " -")
    if len(cleaned) != LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned


def display(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


async def code_for(session: AsyncSession, conversation_id: str) -> str:
    """The conversation's code, created on first request (unique across conversations)."""
    conversation = await session.get(Conversation, conversation_id)
    if conversation.continuation_code:
        return conversation.continuation_code
    while True:
        code = new_code()
        taken = await session.scalar(select(Conversation.id).where(Conversation.continuation_code == code))
        if taken is None:
            break
    await session.execute(
        update(Conversation).where(Conversation.id == conversation_id, Conversation.continuation_code.is_(None))
        .values(continuation_code=code)
    )
    await session.refresh(conversation)
    return conversation.continuation_code or code


async def find_by_code(session: AsyncSession, code: str) -> Optional[Conversation]:
    normal = normalise(code)
    if normal is None:
        return None
    return await session.scalar(select(Conversation).where(Conversation.continuation_code == normal))
