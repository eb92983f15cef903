"""Hand-back: a counsellor returns the conversation to the bot."""
from __future__ import annotations

from sanic import Sanic


async def hand_back(app: Sanic, conversation_id: str) -> None:
    """Returns the conversation to the bot and tells the bot so.

    Call it after the console has closed the handoff (status/outcome). It sets
    the owner to `bot` (clearing the counsellor), sends the hand-back event to
    Rasa through the private channel (docs/handoff-protocol.md), so that the
    bot resets its handoff state and picks up with the context, and delivers
    the bot's welcome back to the resident (or the hub's own short message in
    their language when the bot has none or cannot be reached). It waits at
    most the Rasa timeout; if Rasa is unreachable the event is kept and sent
    before the resident's next message is relayed.
    A conversation can be handed off and back any number of times; calling
    this on a conversation the bot already owns changes nothing.

    Raises:
        handoff.messages.UnknownConversation: no such conversation.
    """
    from handoff.botlink.ownership import return_to_bot

    await return_to_bot(app, conversation_id)
