"""The per-message writes on PostgreSQL: one statement each, with no BEGIN and COMMIT around it.

Why a second form of `handoff.hotpath`: on PostgreSQL every statement is a
network round trip, and each one wakes a server process that shares the
cores with Rasa. A message the bot answers took nine round trips on its
way (two transactions of BEGIN, two or three statements, COMMIT), fifteen
with the pool's pre-ping (dropped too: `handoff.db`). Here it takes three: the message stored, the claim, and the replies stored with the
message done and the watermark moved. PostgreSQL can put several writes in
one statement (data-modifying WITH queries); SQLite cannot, so it keeps the
transactions of `handoff.hotpath`. A single statement is atomic on its own,
so each runs in autocommit mode. The tests in tests/handoff/test_hotpath.py
run against both forms.

Why the claim is its own statement: every part of one statement reads one
snapshot, taken before the conversation's row lock was granted. A
`relaying` message that a concurrent write stored meanwhile would be
invisible to it, and two messages of one conversation could go to the bot
at once. The claim (`handoff.hotpath._CLAIM`) is a statement of its own, so
it sees every message stored before it.
"""
from __future__ import annotations

import json
import weakref
from datetime import datetime
from typing import Any, Optional

from sqlalchemy import Boolean, DateTime, Integer, String, Text, bindparam, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from handoff.models import Conversation, Message, Owner, RelayStatus, Sender

_CONVERSATIONS, _MESSAGES = Conversation.__tablename__, Message.__tablename__

# The message, stored `pending` for the bot (or `held`) with its number taken from the
# conversation in the same statement. No row when the conversation is closed or unknown.
STORE_RESIDENT = text(f"""
WITH numbered AS (
    UPDATE {_CONVERSATIONS} SET next_seq = next_seq + 1
    WHERE id = :cid AND owner != '{Owner.CLOSED.value}'
    RETURNING next_seq - 1 AS seq, owner, language, handback_pending, bot_unavailable_since
), stored AS (
    INSERT INTO {_MESSAGES} (conversation_id, seq, client_msg_id, sender, text, payload, created_at,
                          relay_status, relay_attempts)
    SELECT :cid, numbered.seq, :client_msg_id, '{Sender.RESIDENT.value}', :text, CAST(:payload AS json), :now,
           CASE WHEN numbered.owner = '{Owner.BOT.value}' THEN '{RelayStatus.PENDING.value}'
                ELSE '{RelayStatus.HELD.value}' END, 0
    FROM numbered
    RETURNING id, relay_status
)
SELECT stored.id, stored.relay_status, numbered.*
FROM numbered, stored
""").bindparams(
    bindparam("cid", type_=String), bindparam("client_msg_id", type_=String), bindparam("text", type_=Text),
    bindparam("payload", type_=Text), bindparam("now", type_=DateTime(timezone=True)),
)

# The replies' numbers, the replies themselves, the answered message done (unless the caller
# stores more of the answer), and the watermark moved as in `handoff.hotpath._REPLY_SEQS`:
# only the conversation row's own columns decide, so the test is made on the row as it is
# after any write that held its lock. A second copy of the same answer fails whole on the
# unique client ids.
STORE_REPLIES = text(f"""
WITH numbered AS (
    UPDATE {_CONVERSATIONS} SET
        next_seq = next_seq + :count,
        bot_unavailable_since = NULL,
        delivered_seq = CASE WHEN delivered_seq >= :answered_seq - 1 AND next_seq = :answered_seq + 1
                             THEN next_seq + :count - 1 ELSE delivered_seq END
    WHERE id = :cid
    RETURNING next_seq - 1 AS last, delivered_seq
), replies AS (
    INSERT INTO {_MESSAGES} (conversation_id, seq, client_msg_id, sender, text, payload, created_at, relay_attempts)
    SELECT :cid, numbered.last - :count + reply.position, :id_prefix || (reply.position - 1),
           '{Sender.BOT.value}', reply.value ->> 'text',
           CASE WHEN json_typeof(reply.value -> 'payload') = 'null' THEN NULL ELSE reply.value -> 'payload' END,
           :now, 0
    FROM numbered, json_array_elements(CAST(:replies AS json)) WITH ORDINALITY AS reply(value, position)
    RETURNING id, seq
), done AS (
    UPDATE {_MESSAGES} SET relay_status = '{RelayStatus.DONE.value}', relay_started_at = NULL
    WHERE id = :message_id AND :done
)
SELECT numbered.last, numbered.delivered_seq,
       ARRAY(SELECT replies.id FROM replies ORDER BY replies.seq) AS ids
FROM numbered
""").bindparams(
    bindparam("cid", type_=String), bindparam("count", type_=Integer), bindparam("answered_seq", type_=Integer),
    bindparam("id_prefix", type_=String), bindparam("replies", type_=Text), bindparam("message_id", type_=Integer),
    bindparam("done", type_=Boolean), bindparam("now", type_=DateTime(timezone=True)),
)


_AUTOCOMMIT: "weakref.WeakKeyDictionary[AsyncEngine, AsyncEngine]" = weakref.WeakKeyDictionary()


def autocommit(engine: AsyncEngine) -> AsyncEngine:
    """The engine's pool, with each statement committed on its own (no BEGIN/COMMIT round trips).

    Made once per engine: building it costs about 70 µs, several times a message.
    """
    options = _AUTOCOMMIT.get(engine)
    if options is None:
        options = _AUTOCOMMIT[engine] = engine.execution_options(isolation_level="AUTOCOMMIT")
    return options


async def store_resident(connection: AsyncConnection, *, conversation_id: str, text_: str, client_msg_id: str,
                         payload: Optional[dict[str, Any]], now: datetime) -> Optional[Any]:
    """Runs STORE_RESIDENT; the row (id, relay_status and the conversation's state), or None."""
    return (await connection.execute(STORE_RESIDENT, {
        "cid": conversation_id, "client_msg_id": client_msg_id, "text": text_,
        "payload": None if payload is None else json.dumps(payload), "now": now,
    })).first()


async def store_replies(connection: AsyncConnection, *, conversation_id: str, message_id: int, answered_seq: int,
                        replies: list[tuple[str, Optional[dict[str, Any]]]], done: bool, now: datetime) -> Optional[Any]:
    """Runs STORE_REPLIES; the row (last, delivered_seq, ids in order), or None for an unknown conversation."""
    return (await connection.execute(STORE_REPLIES, {
        "cid": conversation_id, "count": len(replies), "answered_seq": answered_seq,
        "id_prefix": f"bot:{message_id}:", "message_id": message_id, "done": done, "now": now,
        "replies": json.dumps([{"text": text_, "payload": payload} for text_, payload in replies]),
    })).first()
