"""Calls into the resident chat and the bot link after a console transaction commits.

Delivery is best effort on purpose: the message is already stored, and the
resident's page replays from the database on reconnect, so a failed push is
logged (type only, pseudonymous id) and never undoes the counsellor's action.
"""
from __future__ import annotations

import logging

from sanic import Sanic

log = logging.getLogger("neuvo.hub.console")


def pseudonym(conversation_id: str) -> str:
    return conversation_id[:8]


async def deliver(app: Sanic, conversation_id: str) -> bool:
    try:
        from handoff.chat.delivery import deliver_to_resident

        await deliver_to_resident(app, conversation_id)
        return True
    except Exception as error:  # noqa: BLE001 - stored already; the page catches up on reconnect
        log.warning("delivery to resident deferred (%s) for conversation %s",
                    type(error).__name__, pseudonym(conversation_id))
        return False


async def return_to_bot(app: Sanic, conversation_id: str) -> bool:
    try:
        from handoff.botlink.handback import hand_back

        await hand_back(app, conversation_id)
        return True
    except Exception as error:  # noqa: BLE001 - the handoff is closed; reported to the counsellor
        log.error("hand-back failed (%s) for conversation %s", type(error).__name__, pseudonym(conversation_id))
        return False


async def tell_bot(app: Sanic, conversation_id: str) -> bool:
    """Sends a pending hand-back now (the conversation is the bot's already); the retry task
    sends it later if Rasa is down, so a failure here loses nothing."""
    try:
        from handoff.botlink.relay import relay_pending

        await relay_pending(app, conversation_id)
        return True
    except Exception as error:  # noqa: BLE001 - the retry task picks the pending hand-back up
        log.warning("hand-back deferred (%s) for conversation %s", type(error).__name__, pseudonym(conversation_id))
        return False
