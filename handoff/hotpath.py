"""The statements every resident message pays for: built once, run on a plain connection.

Why not the ORM session like the rest of the hub: on these 2-core machines,
building a statement per call cost about 0.7 ms and the session layer about
0.5 ms more per statement (measured with SQLite and PostgreSQL), and a
relayed message took about 20 statements, so the hub added more than its
10 % of the bot's latency (docs/benchmarks.md, Hub load). Here a message
the bot answers costs two short transactions on its way: store (and
usually claim) it, 2 statements; store the replies with the message done
and the delivery watermark moved, 3 statements; and one more after the
reply has gone out (claiming the next, usually none).

On PostgreSQL the same work takes one statement per step, without BEGIN and
COMMIT (`handoff.hotpath_pg`): three round trips instead of nine.

The invariants are those of `handoff.messages.append_message`: a client
message id is stored once per conversation (the unique constraint; the
transaction that tried a second copy rolls back whole, its sequence number
included), and numbers come from one atomic UPDATE of the conversation.
"""
from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Optional

from sqlalchemy import DateTime, Integer, String, Text, bindparam, case, exists, insert, literal, null, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from handoff import hotpath_pg
from handoff.messages import ConversationClosed, UnknownConversation
from handoff.models import Conversation, Message, Owner, RelayStatus, Sender, utcnow


@dataclass(frozen=True)
class ConversationState:
    """What the relay needs to know of a conversation, returned by the statement that wrote to it."""

    owner: str
    language: str
    handback_pending: bool
    bot_unavailable: bool


@dataclass(frozen=True)
class StoredMessage:
    """A stored message, as `handoff.chat.push.message_view` reads it."""

    id: int
    seq: int
    sender: str
    text: str
    client_msg_id: Optional[str]
    payload: Optional[dict[str, Any]]
    created_at: Optional[datetime]
    relay_status: Optional[str] = None


@dataclass(frozen=True)
class Claimed:
    """A resident message now `relaying`: what the relay sends and stores the answer under."""

    id: int
    seq: int
    text: str  # for the bot: a pressed button's payload rather than the title shown


@dataclass(frozen=True)
class StoredResident:
    message: StoredMessage
    created: bool  # False for a retry: the first copy, already relayed or held
    state: Optional[ConversationState]  # the conversation when it was stored (None for a retry)
    # The message the caller relays at once, now `relaying` (see store_resident_message): this
    # one, or on PostgreSQL an older one of the conversation that was still waiting.
    claim: Optional[Claimed] = None

    @property
    def claimed(self) -> bool:
        """Whether this call claimed a message for the caller to relay."""
        return self.claim is not None


_STATE = (Conversation.owner, Conversation.language, Conversation.handback_pending,
          Conversation.bot_unavailable_since)
_MESSAGE = (Message.id, Message.seq, Message.sender, Message.text, Message.client_msg_id, Message.payload,
            Message.created_at, Message.relay_status)

_ON_ITS_WAY = Message.relay_status.in_((RelayStatus.PENDING.value, RelayStatus.RELAYING.value))
_NEXT_SEQ = (
    update(Conversation)
    .where(Conversation.id == bindparam("cid"), Conversation.owner != Owner.CLOSED.value)
    .values(next_seq=Conversation.next_seq + 1)
    .returning((Conversation.next_seq - 1).label("seq"), *_STATE)
)
_INSERT = insert(Message).returning(Message.id, sort_by_parameter_order=True)
# A resident message for the bot: `relaying` at once (claimed) when nothing older of the
# conversation is on its way to the bot, else `pending`. A statement of its own, after
# _NEXT_SEQ: the conversation's row is locked by then, so on PostgreSQL too this
# statement's snapshot sees every earlier message of the conversation.
_IN_FLIGHT = exists().where(Message.conversation_id == bindparam("cid"), _ON_ITS_WAY)
_INSERT_FOR_BOT = insert(Message).from_select(
    ["conversation_id", "seq", "client_msg_id", "sender", "text", "payload", "created_at",
     "relay_status", "relay_started_at", "relay_attempts"],
    select(
        bindparam("cid", type_=String), bindparam("seq", type_=Integer), bindparam("client_msg_id", type_=String),
        literal(Sender.RESIDENT.value), bindparam("text", type_=Text), bindparam("payload", type_=Message.payload.type),
        bindparam("now", type_=DateTime(timezone=True)),
        case((_IN_FLIGHT, RelayStatus.PENDING.value), else_=RelayStatus.RELAYING.value),
        case((_IN_FLIGHT, null()), else_=bindparam("now", type_=DateTime(timezone=True))),
        case((_IN_FLIGHT, 0), else_=1),
    ),
).returning(Message.id, Message.relay_status)
_BY_CLIENT_ID = select(*_MESSAGE).where(Message.conversation_id == bindparam("cid"),
                                        Message.client_msg_id == bindparam("client_id"))
_OWNER = select(Conversation.owner).where(Conversation.id == bindparam("cid"))
_READ_STATE = select(*_STATE).where(Conversation.id == bindparam("cid"))

_WAITING = (Message.relay_status == RelayStatus.PENDING.value) | (
    (Message.relay_status == RelayStatus.RELAYING.value) & (Message.relay_started_at < bindparam("stale"))
)
_OWNER_NOW = select(Conversation.owner).where(Conversation.id == bindparam("cid")).scalar_subquery()
# The oldest message on its way to the bot: claimed only when it is waiting, so
# while it is being relayed (by any hub instance), the next one waits its turn.
_OLDEST_ON_ITS_WAY = (select(Message.id).where(Message.conversation_id == bindparam("cid"), _ON_ITS_WAY)
                      .order_by(Message.seq).limit(1).scalar_subquery())
_CLAIM = (
    update(Message)
    # `_WAITING` on the row itself: a second relay (another hub instance) finds it taken.
    .where(Message.id == _OLDEST_ON_ITS_WAY, _WAITING, _OWNER_NOW == Owner.BOT.value)
    .values(relay_status=RelayStatus.RELAYING.value, relay_started_at=bindparam("now"),
            relay_attempts=Message.relay_attempts + 1)
    .returning(Message.id, Message.seq, Message.text, Message.payload)
)
_HOLD = (
    update(Message)
    .where(Message.conversation_id == bindparam("cid"), _WAITING, _OWNER_NOW != Owner.BOT.value)
    .values(relay_status=RelayStatus.HELD.value)
)
# The replies' numbers, and the delivery watermark moved past them when the message they
# answer is the newest and everything before it has been delivered: then the caller emits
# them itself. Only the row's own columns decide, so on PostgreSQL too the test is made on
# the row as it is after any transaction that held its lock (a subquery would not be).
_REPLY_SEQS = (
    update(Conversation).where(Conversation.id == bindparam("cid"))
    .values(
        next_seq=Conversation.next_seq + bindparam("count"), bot_unavailable_since=None,
        delivered_seq=case(
            ((Conversation.delivered_seq >= bindparam("answered_seq") - 1)
             & (Conversation.next_seq == bindparam("answered_seq") + 1),
             Conversation.next_seq + bindparam("count") - 1),
            else_=Conversation.delivered_seq,
        ),
    )
    .returning((Conversation.next_seq - 1).label("last"), Conversation.delivered_seq)
)
_DONE = (update(Message).where(Message.id == bindparam("message_id"))
         .values(relay_status=RelayStatus.DONE.value, relay_started_at=None))


def _state(row: Any) -> ConversationState:
    return ConversationState(owner=row.owner, language=row.language, handback_pending=bool(row.handback_pending),
                             bot_unavailable=row.bot_unavailable_since is not None)


def _on_postgresql(engine: AsyncEngine) -> bool:
    return engine.dialect.name == "postgresql"


def _writing(engine: AsyncEngine) -> AbstractAsyncContextManager[AsyncConnection]:
    """A transaction on SQLite; on PostgreSQL a connection where each statement commits on its own.

    Only for work whose statements are each consistent alone (see hotpath_pg).
    """
    return hotpath_pg.autocommit(engine).connect() if _on_postgresql(engine) else engine.begin()


def _relay_text(text: str, payload: Optional[dict[str, Any]]) -> str:
    """What the bot is sent: a pressed button's payload rather than the title shown."""
    return (payload or {}).get("relay_text") or text


async def store_resident_message(
    engine: AsyncEngine, *, conversation_id: str, text: str, client_msg_id: str,
    payload: Optional[dict[str, Any]] = None,
) -> StoredResident:
    """Stores a resident's chat message: for the bot when it owns the conversation, else `held`.

    In the usual case, the bot owns it and nothing older is on its way to
    the bot, the message comes back claimed (`relaying`): the caller relays
    it at once. Otherwise it is `pending` and the relay takes it in order.
    On SQLite the message is stored `relaying` already; the conversation's
    row is locked by the first UPDATE, so two messages of one conversation
    cannot both find nothing in flight. On PostgreSQL it is stored `pending`
    and claimed by a statement of its own (see hotpath_pg), which may claim
    an older waiting message instead. Raises UnknownConversation or
    ConversationClosed (a retry of a message stored before closing still
    gets its first copy).
    """
    if _on_postgresql(engine):
        return await _store_resident_postgresql(engine, conversation_id=conversation_id, text=text,
                                                client_msg_id=client_msg_id, payload=payload)
    try:
        async with engine.begin() as connection:
            row = (await connection.execute(_NEXT_SEQ, {"cid": conversation_id})).first()
            if row is None:
                return await _not_stored(connection, conversation_id, client_msg_id)
            values = dict(conversation_id=conversation_id, seq=row.seq, client_msg_id=client_msg_id,
                          sender=Sender.RESIDENT.value, text=text, payload=payload, created_at=utcnow())
            if row.owner == Owner.BOT.value and not row.handback_pending:  # (the bot hears of a hand-back first)
                inserted = (await connection.execute(_INSERT_FOR_BOT, {
                    "cid": conversation_id, "seq": row.seq, "client_msg_id": client_msg_id, "text": text,
                    "payload": payload, "now": values["created_at"]})).one()
                message_id, values["relay_status"] = inserted.id, inserted.relay_status
            else:
                values["relay_status"] = (RelayStatus.PENDING.value if row.owner == Owner.BOT.value
                                          else RelayStatus.HELD.value)
                message_id = await connection.scalar(_INSERT, values)
    except IntegrityError as error:
        return await _first_copy(engine, conversation_id, client_msg_id, error)
    del values["conversation_id"]
    message = StoredMessage(id=message_id, **values)
    claim = (Claimed(message_id, row.seq, _relay_text(text, payload))
             if message.relay_status == RelayStatus.RELAYING.value else None)
    return StoredResident(message, created=True, state=_state(row), claim=claim)


async def _store_resident_postgresql(
    engine: AsyncEngine, *, conversation_id: str, text: str, client_msg_id: str, payload: Optional[dict[str, Any]],
) -> StoredResident:
    now = utcnow()
    try:
        async with hotpath_pg.autocommit(engine).connect() as connection:
            row = await hotpath_pg.store_resident(connection, conversation_id=conversation_id, text_=text,
                                                  client_msg_id=client_msg_id, payload=payload, now=now)
            if row is None:
                return await _not_stored(connection, conversation_id, client_msg_id)
            claim = None
            if row.owner == Owner.BOT.value and not row.handback_pending:  # (the bot hears of a hand-back first)
                claim = await _claim(connection, conversation_id, now, stale=now - _NEVER_STALE)
    except IntegrityError as error:
        return await _first_copy(engine, conversation_id, client_msg_id, error)
    status = RelayStatus.RELAYING.value if claim is not None and claim.id == row.id else row.relay_status
    message = StoredMessage(id=row.id, seq=row.seq, sender=Sender.RESIDENT.value, text=text,
                            client_msg_id=client_msg_id, payload=payload, created_at=now, relay_status=status)
    return StoredResident(message, created=True, state=_state(row), claim=claim)


# Storing a message claims only what is waiting: a message left `relaying` by a crashed relay is
# taken again by claim_next, which knows the stale timeout.
_NEVER_STALE = timedelta(days=365 * 100)


async def _not_stored(connection: AsyncConnection, conversation_id: str, client_msg_id: str) -> StoredResident:
    """No number was taken: a retry of a message stored before closing gets its first copy, else an error."""
    found = await _by_client_id(connection, conversation_id, client_msg_id)
    if found is not None:
        return StoredResident(found, created=False, state=None)
    if await connection.scalar(_OWNER, {"cid": conversation_id}) is None:
        raise UnknownConversation(conversation_id)
    raise ConversationClosed(conversation_id)


async def _first_copy(engine: AsyncEngine, conversation_id: str, client_msg_id: str,
                      error: IntegrityError) -> StoredResident:
    """A write refused by a unique constraint (rolled back whole): the first copy, else the error stands."""
    async with engine.connect() as connection:
        found = await _by_client_id(connection, conversation_id, client_msg_id)
    if found is None:
        raise error
    return StoredResident(found, created=False, state=None)


async def _by_client_id(connection: AsyncConnection, conversation_id: str, client_id: str) -> Optional[StoredMessage]:
    row = (await connection.execute(_BY_CLIENT_ID, {"cid": conversation_id, "client_id": client_id})).first()
    return None if row is None else StoredMessage(**row._asdict())


async def conversation_state(engine: AsyncEngine, conversation_id: str) -> Optional[ConversationState]:
    async with (hotpath_pg.autocommit(engine) if _on_postgresql(engine) else engine).connect() as connection:
        row = (await connection.execute(_READ_STATE, {"cid": conversation_id})).first()
    return None if row is None else _state(row)


async def claim_next(engine: AsyncEngine, conversation_id: str, stale_after: timedelta) -> Optional[Claimed]:
    """The oldest waiting message, now `relaying`; None when there is none.

    Messages go to the bot one at a time, in order: none is claimed while an
    older one is being relayed. A message left `relaying` longer than `stale_after` was left by a crashed
    or stuck relay and is taken again. When a person owns the conversation (or
    it is closed), waiting messages are held instead: the bot stays silent.
    Each statement is consistent alone, so on PostgreSQL each commits by itself.
    """
    now = utcnow()
    async with _writing(engine) as connection:
        claimed = await _claim(connection, conversation_id, now, stale=now - stale_after)
        if claimed is None:
            await connection.execute(_HOLD, {"cid": conversation_id, "stale": now - stale_after})
    return claimed


async def _claim(connection: AsyncConnection, conversation_id: str, now: datetime,
                 stale: datetime) -> Optional[Claimed]:
    claimed = (await connection.execute(_CLAIM, {"cid": conversation_id, "stale": stale, "now": now})).first()
    if claimed is None:
        return None
    return Claimed(claimed.id, claimed.seq, _relay_text(claimed.text, claimed.payload))


@dataclass(frozen=True)
class StoredReplies:
    messages: list[StoredMessage]
    # True when nothing older was waiting to be sent: the caller emits `messages`
    # itself (the watermark covers them already); else it calls push_unsent.
    emit_directly: bool


async def store_bot_replies(
    engine: AsyncEngine, *, conversation_id: str, answered: Claimed,
    replies: list[tuple[str, Optional[dict[str, Any]]]], done: bool = True,
) -> Optional[StoredReplies]:
    """Stores the bot's replies to one message, marks the message done and takes over the replies' delivery.

    Client ids are `bot:<message id>:<index>`: a second copy of the same
    answer (a relay thought stuck that finished after all) fails on the unique
    constraint, and then only the message is marked done: the first copy
    stands (returns None, the caller pushes what is unsent). The watermark
    moves past the replies only when the answered message is the newest and
    all before it was delivered (see _REPLY_SEQS); else `emit_directly` is
    False and the caller's push_unsent sends everything unsent, in order.
    `done=False` leaves the message `relaying`: the caller stores the rest of
    the answer (a handoff) and marks it done in its own transaction.
    """
    now = utcnow()
    try:
        if _on_postgresql(engine):
            async with hotpath_pg.autocommit(engine).connect() as connection:
                row = await hotpath_pg.store_replies(connection, conversation_id=conversation_id,
                                                     message_id=answered.id, answered_seq=answered.seq,
                                                     replies=replies, done=done, now=now)
            ids = list(row.ids) if row is not None else []
        else:
            async with engine.begin() as connection:
                row = (await connection.execute(_REPLY_SEQS, {
                    "cid": conversation_id, "count": len(replies), "answered_seq": answered.seq})).first()
                if row is not None:
                    ids = await _insert_replies(connection, conversation_id, answered, replies, row.last, now)
                    if done:
                        await connection.execute(_DONE, {"message_id": answered.id})
    except IntegrityError:
        if done:
            async with _writing(engine) as connection:
                await connection.execute(_DONE, {"message_id": answered.id})
        return None
    if row is None:
        return None
    first = row.last - len(replies) + 1
    messages = [StoredMessage(id=message_id, seq=first + index, sender=Sender.BOT.value, text=text,
                              client_msg_id=f"bot:{answered.id}:{index}", payload=payload, created_at=now)
                for index, (message_id, (text, payload)) in enumerate(zip(ids, replies))]
    return StoredReplies(messages, emit_directly=row.delivered_seq == row.last)


async def _insert_replies(connection: AsyncConnection, conversation_id: str, answered: Claimed,
                          replies: list[tuple[str, Optional[dict[str, Any]]]], last: int, now: datetime) -> list[int]:
    first = last - len(replies) + 1
    rows = [dict(conversation_id=conversation_id, seq=first + index, client_msg_id=f"bot:{answered.id}:{index}",
                 sender=Sender.BOT.value, text=text, payload=payload, created_at=now)
            for index, (text, payload) in enumerate(replies)]
    return list(await connection.scalars(_INSERT, rows)) if rows else []
