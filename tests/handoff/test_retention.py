"""Retention: old conversations deleted or anonymised, recent ones untouched, one audit row; plus the command."""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select, update

from handoff.migrate import alembic_config
from handoff.messages import append_message, create_conversation
from handoff.models import AuditLog, Callback, Conversation, Handoff, Message, Note, User, utcnow
from handoff.queue import enqueue
from handoff.retention import purge

pytestmark = pytest.mark.asyncio
OLD_TEXT, NEW_TEXT, PHONE = "SENTINEL-old-words", "SENTINEL-new-words", "040 765 4321"


async def _world(sessionmaker) -> tuple[str, str]:
    """One conversation 400 days old (message, handoff with intake, note, callback) and one from today."""
    async with sessionmaker.begin() as session:
        user = User(username="c1", password_hash="x")
        session.add(user)
        await session.flush()
        ids = []
        for text in (OLD_TEXT, NEW_TEXT):
            conversation = await create_conversation(session)
            await append_message(session, conversation_id=conversation.id, sender="resident", text=text)
            await enqueue(session, conversation_id=conversation.id, level="urgent", markers=["eviction"],
                          intake={"summary": text})
            session.add(Note(conversation_id=conversation.id, author_id=user.id, text=text))
            session.add(Callback(conversation_id=conversation.id, phone=PHONE, preferred_time="aamulla",
                                 level="urgent", reason="outside_hours"))
            ids.append(conversation.id)
        await session.flush()
        await session.execute(update(Conversation).where(Conversation.id == ids[0])
                              .values(updated_at=utcnow() - timedelta(days=400)))
    return ids[0], ids[1]


async def _texts(sessionmaker) -> str:
    async with sessionmaker() as session:
        parts = [*(await session.scalars(select(Message.text))), *(await session.scalars(select(Note.text))),
                 *(str(i) for i in await session.scalars(select(Handoff.intake))),
                 *(await session.scalars(select(Callback.phone)))]
    return " ".join(p or "" for p in parts)


async def test_purge_deletes_old_conversations_only(sessionmaker) -> None:
    old_id, new_id = await _world(sessionmaker)
    async with sessionmaker.begin() as session:
        report = await purge(session, retention_days=365)
    assert (report.conversations, report.messages, report.notes, report.callbacks) == (1, 1, 1, 1)
    async with sessionmaker() as session:
        assert await session.get(Conversation, old_id) is None
        assert await session.get(Conversation, new_id) is not None
        audit = list(await session.scalars(select(AuditLog).where(AuditLog.action == "retention.purge")))
    texts = await _texts(sessionmaker)
    assert OLD_TEXT not in texts and NEW_TEXT in texts and texts.count(PHONE) == 1
    assert len(audit) == 1 and audit[0].details["conversations"] == 1 and audit[0].details["mode"] == "delete"


async def test_purge_anonymise_keeps_statistics_but_no_personal_data(sessionmaker) -> None:
    old_id, new_id = await _world(sessionmaker)
    async with sessionmaker.begin() as session:
        report = await purge(session, retention_days=365, anonymise=True)
    assert report.conversations == 1 and report.mode == "anonymise"
    texts = await _texts(sessionmaker)
    assert OLD_TEXT not in texts and NEW_TEXT in texts and texts.count(PHONE) == 1
    async with sessionmaker() as session:
        old_handoff = await session.scalar(select(Handoff).where(Handoff.conversation_id == old_id))
        old_conversation = await session.get(Conversation, old_id)
        assert old_handoff.level == "urgent" and old_handoff.markers == ["eviction"] and old_handoff.intake is None
        assert old_conversation is not None
        assert await session.scalar(select(func.count()).select_from(Message)
                                    .where(Message.conversation_id == old_id)) == 1
    # Anonymising does not make the conversation "recent": a second run finds it old again.
    async with sessionmaker.begin() as session:
        assert (await purge(session, retention_days=365, anonymise=True)).conversations == 1


async def test_purge_command_runs_against_the_configured_database(sessionmaker, database_url, tmp_path) -> None:
    await _world(sessionmaker)
    env = {**os.environ, "NEUVO_ENV": "test", "NEUVO_HUB_DATABASE_URL": database_url,
           "NEUVO_HUB_SECRET_KEY": "k" * 40, "NEUVO_HUB_BOT_TOKEN": "t" * 40,
           "NEUVO_HUB_SECRETS_FILE": str(tmp_path / "absent.env"), "NEUVO_HUB_RETENTION_DAYS": "30"}
    # The fixture built the schema with create_all; stamp it so the command's upgrade is a no-op.
    await asyncio.to_thread(command.stamp, alembic_config(database_url), "head")
    result = await asyncio.to_thread(subprocess.run, [sys.executable, "-m", "handoff", "purge", "--anonymise"],
                                     capture_output=True, text=True, env=env,
                                     cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Anonymised 1 conversations older than 30 days" in result.stdout
    assert OLD_TEXT not in result.stdout + result.stderr
    assert OLD_TEXT not in await _texts(sessionmaker)
