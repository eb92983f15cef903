"""Who answers the resident: ownership changes the hub makes itself."""
from __future__ import annotations

from sanic import Sanic
from sqlalchemy import update

from handoff.messages import UnknownConversation
from handoff.models import Conversation, Owner


async def return_to_bot(app: Sanic, conversation_id: str) -> None:
    """Owner back to the bot, then the bot told (see handback.hand_back)."""
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
    from handoff.botlink.relay import relay_pending

    # Awaited, so the caller knows the bot has been told when this returns (the
    # wait is bounded by the Rasa timeout; if Rasa is down, the retry task sends it).
    await relay_pending(app, conversation_id)
