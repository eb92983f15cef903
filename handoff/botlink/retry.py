"""The background task that relays kept messages once the bot is back.

Why a loop over the database and not an in-memory queue: a message stored
while Rasa was down, or left half-relayed by a hub that was killed, must be
processed exactly once after any restart, by whichever hub instance runs.
"""
from __future__ import annotations

import asyncio
import logging

from sanic import Sanic
from sqlalchemy import select

from handoff.botlink.relay import relay_pending, stale_after
from handoff.botlink.triage import retry_untriaged
from handoff.models import Conversation, Message, Owner, RelayStatus, utcnow

log = logging.getLogger("neuvo.hub.relay")
INTERVAL_SECONDS = 2.0
BATCH = 50


async def conversations_to_retry(app: Sanic) -> list[str]:
    stale = utcnow() - stale_after(app)
    waiting = (Message.relay_status == RelayStatus.PENDING.value) | (
        (Message.relay_status == RelayStatus.RELAYING.value) & (Message.relay_started_at < stale)
    )
    async with app.ctx.sessionmaker() as session:
        with_messages = await session.scalars(
            select(Message.conversation_id).join(Conversation, Conversation.id == Message.conversation_id)
            .where(waiting, Conversation.owner == Owner.BOT.value).distinct().limit(BATCH)
        )
        with_handback = await session.scalars(
            select(Conversation.id).where(Conversation.handback_pending.is_(True)).limit(BATCH)
        )
        return list(dict.fromkeys([*with_messages, *with_handback]))


async def retry_forever(app: Sanic, interval: float = INTERVAL_SECONDS) -> None:
    """Runs until cancelled (at server stop)."""
    while True:
        try:
            for conversation_id in await conversations_to_retry(app):
                if conversation_id not in app.ctx.relay_locks:  # a live relay is on it already
                    await relay_pending(app, conversation_id)
            await retry_untriaged(app)  # held messages whose triage failed (handoff.botlink.triage)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - keep retrying; type only in the log
            log.error("relay retry round failed: %s", type(error).__name__)
        await asyncio.sleep(interval)
