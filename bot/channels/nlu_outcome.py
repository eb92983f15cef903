"""What the NLU made of one relayed message, for the hub's editor inbox.

Why in the channel's answer: the hub keeps the resident's text and decides
what enters the editors' inbox (fallbacks and low confidence), but only
Rasa knows how the message was classified. The tracker's `UserUttered` with
the hub's message id holds the parse data, also for a duplicate delivery,
so the outcome is read from there after the message was handled. Only the
intent name, its confidence and whether the fallback fired leave Rasa: no
text, no entities.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, Iterable, Optional, Text

from rasa.shared.core.events import UserUttered

from bot.intent_ranking import best_real_intent

logger = logging.getLogger(__name__)

def outcome_from_parse(parse_data: Dict[Text, Any]) -> Optional[Dict[Text, Any]]:
    """{"intent", "confidence", "fallback"}: the best real intent, even when the fallback won."""
    if not (parse_data.get("intent") or {}).get("name"):
        return None
    best, fell_back = best_real_intent(parse_data)
    return {
        "intent": best.get("name"),
        "confidence": round(float(best.get("confidence") or 0.0), 4),
        "fallback": fell_back,
    }


def outcome_in(events: Iterable[Any], message_id: Text) -> Optional[Dict[Text, Any]]:
    """The outcome of the `UserUttered` with `message_id` among `events`, newest first."""
    for event in reversed(list(events)):
        if isinstance(event, UserUttered) and event.message_id == message_id:
            if (event.text or "").startswith("/"):
                return None
            return outcome_from_parse(event.parse_data or {})
    return None


async def nlu_outcome(agent: Any, sender: Text, message_id: Text) -> Optional[Dict[Text, Any]]:
    """The outcome for `message_id` in `sender`'s tracker; None when unknown (never raises).

    A hand-back and a clicked button (text starting with "/") are not
    resident wording, so they have no outcome. Only the current session is
    read: the message was just handled, so it is there.
    """
    try:
        tracker = await agent.tracker_store.retrieve(sender)
        return outcome_in(tracker.events if tracker is not None else [], message_id)
    except Exception as error:  # noqa: BLE001 - the reply must not fail because of the inbox
        logger.warning("hub channel: no NLU outcome (%s)", type(error).__name__)
    return None
