"""Who answers the resident: ownership changes the hub makes itself."""
from __future__ import annotations

from sanic import Sanic
from sqlalchemy import update

from handoff.chat import texts
from handoff.chat.push import push_unsent
from handoff.messages import UnknownConversation, append_message
from handoff.models import Conversation, Owner, Sender


async def return_to_bot(app: Sanic, conversation_id: str) -> None:
    """Owner back to the bot, the resident told, the bot told (see handback.hand_back)."""
    async with app.ctx.sessionmaker.begin() as session:
        conversation = await session.get(Conversation, conversation_id, with_for_update=True)
        if conversation is None:
            raise UnknownConversation(conversation_id)
        if conversation.owner == Owner.BOT.value:
            return
        await session.execute(
            update(Conversation).where(Conversation.id == conversation_id)
            .values(owner=Owner.BOT.value, counsellor_id=None, handback_pending=True)
        )
        await append_message(
            session, conversation_id=conversation_id, sender=Sender.SYSTEM.value,
            text=texts.text("handed_back", conversation.language),
            client_msg_id=f"handed-back:{conversation.next_seq}", payload={"neuvo": {"event": "handed_back"}},
        )
    await push_unsent(app, conversation_id)
    from handoff.botlink.relay import relay_pending

    await relay_pending(app, conversation_id)
