"""Pushing stored messages to the resident's open chat (socket.io room).

The durable log is the truth: a message is first stored (`append_message`),
then `deliver_to_resident` emits whatever the resident has not been sent yet.
Clients de-duplicate by `seq`, and a reconnecting client replays from its own
last seq, so emitting twice is harmless and a missed emit is never a loss.
"""
from __future__ import annotations

from sanic import Sanic


async def deliver_to_resident(app: Sanic, conversation_id: str) -> None:
    """Emits to the resident every stored message they have not been sent yet.

    Call it after storing a counsellor's (or the system's) message in the
    conversation, in its own transaction that has committed. It is safe to call
    at any time and any number of times: it sends the non-resident messages
    with a seq above the conversation's delivery watermark to the
    conversation's socket.io room (as Rasa-style `bot_uttered` events carrying
    `id`, `seq` and `sender`), then advances the watermark. When the resident
    is not connected nothing is lost: the page replays the history by seq on
    reconnect.

    Args:
        app: the hub app (needs `app.ctx.sessionmaker` and, when the chat is
            mounted, `app.ctx.sio`).
        conversation_id: the conversation's id.
    """
    from handoff.chat.push import push_unsent

    await push_unsent(app, conversation_id)
