"""Emitting stored messages to the resident's socket.io room, Rasa-style.

Event shapes follow Rasa's own SocketIO channel (rasa/core/channels/socketio.py):
`bot_uttered` with `{"text"}`, or `{"text", "quick_replies": [{"content_type":
"text", "title", "payload"}]}` for buttons, `{"attachment": ...}` for images and
attachments. Our extension adds `id`, `seq` and `sender` (bot, counsellor,
system) to every message and `neuvo` for hub events, which a plain Rasa
widget ignores.

Delivery is at least once: `push_unsent` emits first, then advances the
conversation's watermark; clients drop a seq they already have. The relay's
usual answer moves the watermark in the transaction that stores it and then
emits (`handoff.hotpath.store_bot_replies`): if the hub dies in between, the
page reconnects and replays the history from its own last seq.
"""
from __future__ import annotations

from typing import Any

from sanic import Sanic
from sqlalchemy import update

from handoff.hotpath import StoredMessage
from handoff.messages import messages_after
from handoff.models import Conversation, Message, Sender


def message_view(message: Message | StoredMessage) -> dict[str, Any]:
    """One stored message as the page and Rasa widgets read it."""
    payload = message.payload or {}
    view: dict[str, Any] = {"id": message.id, "seq": message.seq, "sender": message.sender, "text": message.text}
    buttons = payload.get("buttons")
    if buttons:
        view["quick_replies"] = [
            {"content_type": "text", "title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
            for b in buttons if isinstance(b, dict)
        ]
    if payload.get("image"):
        view["attachment"] = {"type": "image", "payload": {"src": payload["image"]}}
    elif payload.get("attachment"):
        view["attachment"] = payload["attachment"]
    if isinstance(payload.get("custom"), dict):
        view["custom"] = payload["custom"]
    if isinstance(payload.get("neuvo"), dict):
        view["neuvo"] = payload["neuvo"]
    if message.client_msg_id and message.sender == Sender.RESIDENT.value:
        view["client_msg_id"] = message.client_msg_id
    view["at"] = message.created_at.isoformat() if message.created_at else None
    return view


async def push_unsent(app: Sanic, conversation_id: str) -> None:
    """Emits the bot's, counsellors' and system messages the room has not been sent yet."""
    sio = getattr(app.ctx, "sio", None)
    async with app.ctx.sessionmaker() as session:
        conversation = await session.get(Conversation, conversation_id)
        if conversation is None:
            return
        watermark = conversation.delivered_seq
        unsent = await messages_after(session, conversation_id=conversation_id, after_seq=watermark)
    if not unsent:
        return
    if sio is not None:
        for message in unsent:
            if message.sender != Sender.RESIDENT.value:
                await sio.emit("bot_uttered", message_view(message), room=conversation_id)
    async with app.ctx.sessionmaker.begin() as session:
        await session.execute(
            update(Conversation)
            .where(Conversation.id == conversation_id, Conversation.delivered_seq < unsent[-1].seq)
            .values(delivered_seq=unsent[-1].seq)
        )


async def push_status(app: Sanic, conversation_id: str, **status: Any) -> None:
    """A transient status for the page (e.g. the bot is unavailable); not stored."""
    sio = getattr(app.ctx, "sio", None)
    if sio is not None:
        await sio.emit("neuvo_status", status, room=conversation_id)
