"""Storage models: the hub is the durable record of every conversation.

Why here and not in Rasa: Rasa's tracker store silently falls back to memory
and its channels answer 200 on failure (shared/docs/conventions.md), so the
hub keeps per-conversation sequence numbers and client message ids and
writes idempotently.
"""
from __future__ import annotations

import enum
from datetime import date, datetime, timezone
from typing import Any, Optional

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy import false as sa_false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Owner(str, enum.Enum):
    """Who may answer the resident right now: exactly one at a time."""

    BOT = "bot"
    WAITING = "waiting"
    COUNSELLOR = "counsellor"
    CLOSED = "closed"


class Sender(str, enum.Enum):
    RESIDENT = "resident"
    BOT = "bot"
    COUNSELLOR = "counsellor"
    SYSTEM = "system"


class HandoffStatus(str, enum.Enum):
    QUEUED = "queued"
    CLAIMED = "claimed"
    CLOSED = "closed"


class Role(str, enum.Enum):
    COUNSELLOR = "counsellor"
    EDITOR = "editor"
    ADMIN = "admin"


# Roles that take conversations and answer residents (admins stand in for counsellors).
COUNSELLING_ROLES = (Role.COUNSELLOR.value, Role.ADMIN.value)


class Conversation(Base):
    __tablename__ = "conversations"
    __table_args__ = (Index("uq_conversation_continuation_code", "continuation_code", unique=True),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    language: Mapped[str] = mapped_column(String(2), default="fi")
    owner: Mapped[str] = mapped_column(String(16), default=Owner.BOT.value)
    counsellor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"), nullable=True)
    triage_level: Mapped[str] = mapped_column(String(16), default="none")
    # The next message's sequence number; advanced atomically per message.
    next_seq: Mapped[int] = mapped_column(Integer, default=1)
    # Highest seq already pushed to the resident's open chat (handoff.chat.push).
    delivered_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Short code to resume without logging in (read out on the phone); unique.
    continuation_code: Mapped[Optional[str]] = mapped_column(String(16), nullable=True)
    # Set when a relay to Rasa failed and the resident was told; cleared on success.
    bot_unavailable_since: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    # A hand-back the bot has not yet been told about (sent before the next relay).
    handback_pending: Mapped[bool] = mapped_column(default=False, server_default=sa_false())


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("conversation_id", "seq", name="uq_message_seq"),
        UniqueConstraint("conversation_id", "client_msg_id", name="uq_message_client_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    client_msg_id: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    sender: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[Optional[dict[str, Any]]] = mapped_column(nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Resident messages only: pending -> relaying -> done (answered by the bot),
    # or held (the bot did not own the conversation), or failed (gave up).
    relay_status: Mapped[Optional[str]] = mapped_column(String(16), nullable=True, index=True)
    relay_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    relay_started_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)


class RelayStatus(str, enum.Enum):
    """Where a resident message is on its way to the bot (the hub's delivery status)."""

    PENDING = "pending"
    RELAYING = "relaying"
    DONE = "done"
    HELD = "held"
    FAILED = "failed"


class Handoff(Base):
    __tablename__ = "handoffs"
    __table_args__ = (Index("ix_handoff_queue", "status", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    level: Mapped[str] = mapped_column(String(16), default="none")
    markers: Mapped[list[Any]] = mapped_column(default=list)
    intake: Mapped[Optional[dict[str, Any]]] = mapped_column(nullable=True)
    status: Mapped[str] = mapped_column(String(16), default=HandoffStatus.QUEUED.value)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    claimed_by: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"), nullable=True)
    claimed_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    closed_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    outcome: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default=Role.COUNSELLOR.value)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    available: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Disabled users cannot log in; rows stay because audit rows point at them.
    disabled_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)


class Note(Base):
    """Internal note on a conversation; never shown to the resident."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Callback(Base):
    __tablename__ = "callbacks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[Optional[str]] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), nullable=True
    )
    phone: Mapped[str] = mapped_column(String(32))
    preferred_time: Mapped[Optional[str]] = mapped_column(String(120), nullable=True)
    level: Mapped[str] = mapped_column(String(16), default="none")
    # Why a callback instead of a live chat: outside_hours, nobody_available,
    # queue_full or resident_choice (issue 4: the reason is recorded).
    reason: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="open")
    language: Mapped[str] = mapped_column(String(2), default="fi", server_default="fi")
    # When the resident agreed to be called back (the form requires consent).
    consent_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    done_by: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"), nullable=True)
    done_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)


class AuditLog(Base):
    """Who read or changed what, when (client data act 703/2023, § 11)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"), nullable=True)
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(64))
    details: Mapped[Optional[dict[str, Any]]] = mapped_column(nullable=True)
    ip: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class UserSession(Base):
    """A console log-in, kept in the database so that any hub instance can serve it.

    The id is the SHA-256 of the cookie's token: a copy of the table does not
    let anyone act as the user.
    """

    __tablename__ = "user_sessions"
    __table_args__ = (Index("ix_user_sessions_user", "user_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RateEvent(Base):
    """One counted event (a log-in attempt, a new conversation) for per-address limits.

    `key` is a keyed hash of the address, never the address itself.
    """

    __tablename__ = "rate_events"
    __table_args__ = (Index("ix_rate_events_lookup", "bucket", "key", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bucket: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PhoneContact(Base):
    """A phone contact: guidance that did not start in chat, or a callback made.

    Statistics only, no personal data: chat contacts are counted from the
    handoffs, these rows add the phone work to the same figures.
    """

    __tablename__ = "phone_contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    channel: Mapped[str] = mapped_column(String(16), default="phone")  # phone | callback
    callback_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("callbacks.id", ondelete="SET NULL"), nullable=True
    )
    counsellor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"), nullable=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    level: Mapped[str] = mapped_column(String(16), default="none")
    outcome: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(2), default="fi")
    minutes: Mapped[Optional[int]] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class InboxItem(Base):
    """A resident's wording the assistant did not understand well, for the editors (issue 5).

    Least data: only the text with personal data removed (`nlu.redaction.
    redact_for_storage`), its language, what the NLU predicted, and the day.
    No conversation id and no time of day, so an item cannot be traced back
    to a conversation; handled items are deleted (the audit log keeps the id).
    """

    __tablename__ = "editor_inbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(2), default="fi")
    intent: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    fell_back: Mapped[bool] = mapped_column(Boolean, default=False)
    received_on: Mapped[date] = mapped_column(Date, index=True)
