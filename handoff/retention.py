"""`python -m handoff purge`: conversations older than the retention period are deleted or anonymised.

Age is the time since the conversation's last activity (`updated_at`, which
every stored message advances). Deleting removes the conversation with its
messages, handoffs, notes and callbacks. Anonymising keeps what the statistics
need (levels, markers, outcomes, times) and removes everything a person wrote
or could be identified by: message text and payloads, notes, intake records,
phone numbers and preferred times, continuation codes. Expired console
sessions and old rate-limit events go too. One audit row records the run.
"""
from __future__ import annotations

import argparse
import asyncio
import sys
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Optional

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from handoff import audit
from handoff.auth.ratelimit import forget_older_than
from handoff.auth.sessions import forget_expired
from handoff.editor.inbox import forget_older_than as forget_inbox
from handoff.models import Callback, Conversation, Handoff, Message, Note, utcnow

ANONYMISED_TEXT = ""


@dataclass(frozen=True)
class PurgeReport:
    mode: str
    cutoff: str
    conversations: int
    messages: int
    notes: int
    callbacks: int
    sessions: int
    rate_events: int


async def purge(
    session: AsyncSession, *, retention_days: int, anonymise: bool = False, now: Optional[datetime] = None,
) -> PurgeReport:
    """Deletes (or anonymises) everything older than `retention_days`; one audit row.

    Invariant: after it commits, no message text, note, intake record or phone
    number older than the cutoff remains; the audit log keeps the run.
    """
    if retention_days < 1:
        raise ValueError("retention_days must be at least 1")
    now = now or utcnow()
    cutoff = now - timedelta(days=retention_days)
    is_old = Conversation.updated_at < cutoff
    old = select(Conversation.id).where(is_old)
    count = int(await session.scalar(select(func.count()).select_from(Conversation).where(is_old)) or 0)
    notes = (await session.execute(delete(Note).where(Note.conversation_id.in_(old)))).rowcount or 0
    old_callbacks = (Callback.conversation_id.in_(old)) | (
        Callback.conversation_id.is_(None) & (Callback.created_at < cutoff))
    if anonymise:
        messages = (await session.execute(update(Message).where(Message.conversation_id.in_(old))
                                          .values(text=ANONYMISED_TEXT, payload=None))).rowcount or 0
        await session.execute(update(Handoff).where(Handoff.conversation_id.in_(old)).values(intake=None))
        callbacks = (await session.execute(update(Callback).where(old_callbacks)
                                           .values(phone="", preferred_time=None))).rowcount or 0
        if hasattr(Conversation, "continuation_code"):  # the chat's resume code could link a person back
            await session.execute(update(Conversation).where(is_old).values(continuation_code=None, updated_at=Conversation.updated_at)
                                  .execution_options(synchronize_session=False))
    else:
        callbacks = (await session.execute(delete(Callback).where(old_callbacks))).rowcount or 0
        messages = (await session.execute(delete(Message).where(Message.conversation_id.in_(old)))).rowcount or 0
        await session.execute(delete(Handoff).where(Handoff.conversation_id.in_(old)))
        await session.execute(delete(Conversation).where(is_old).execution_options(synchronize_session=False))
    sessions = await forget_expired(session, now=now)
    await forget_inbox(session, day=cutoff.date())  # editors' samples: deleted in both modes
    rate_events = await forget_older_than(session, cutoff=now - timedelta(days=1))
    report = PurgeReport("anonymise" if anonymise else "delete", cutoff.isoformat(), count, messages, notes,
                         callbacks, sessions, rate_events)
    await audit.record(session, actor_id=None, action="retention.purge", target="conversations",
                       details=asdict(report))
    return report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--anonymise", "--anonymize", action="store_true",
                        help="keep statistics, remove text and personal data (default: delete)")
    parser.add_argument("--days", type=int, help="override the retention setting (NEUVO_HUB_RETENTION_DAYS)")


async def _run(url: str, days: int, anonymise: bool) -> PurgeReport:
    from handoff.db import make_engine, make_sessionmaker

    engine = make_engine(url)
    try:
        async with make_sessionmaker(engine).begin() as session:
            return await purge(session, retention_days=days, anonymise=anonymise)
    finally:
        await engine.dispose()


def run(args: argparse.Namespace) -> int:
    from handoff.migrate import upgrade
    from handoff.settings import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as problem:
        print(f"Cannot read the hub settings: {problem}", file=sys.stderr)
        return 2
    upgrade(settings.database_url)
    days = args.days or settings.retention_days
    try:
        report = asyncio.run(_run(settings.database_url, days, args.anonymise))
    except ValueError as bad:
        print(f"Refused: {bad}.", file=sys.stderr)
        return 1
    verb = "Anonymised" if args.anonymise else "Deleted"
    print(f"{verb} {report.conversations} conversations older than {days} days "
          f"({report.messages} messages, {report.notes} notes, {report.callbacks} callbacks); "
          f"removed {report.sessions} expired sessions.")
    return 0
