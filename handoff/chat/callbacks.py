"""The resident's callback request: phone, preferred time, consent, and the reason."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional, Union

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from handoff.botlink.handoff import CALLBACK_REASONS
from handoff.chat import texts
from handoff.messages import append_message
from handoff.models import Callback, Conversation, Handoff, HandoffStatus, Owner, Sender
from handoff.organisation import Organisation

_PHONE_CHARS = re.compile(r"^\+?[0-9 ()\-]{6,24}$")
MAX_PREFERRED_TIME = 120


@dataclass(frozen=True)
class CallbackForm:
    phone: str
    preferred_time: str
    reason: str


def parse_form(data: Any) -> Union[CallbackForm, str]:
    """A valid form, or an error code for the page."""
    if not isinstance(data, dict):
        return "malformed"
    phone = str(data.get("phone") or "").strip()
    digits = sum(ch.isdigit() for ch in phone)
    if not _PHONE_CHARS.match(phone) or not 6 <= digits <= 15:
        return "invalid_phone"
    if data.get("consent") is not True:
        return "consent_required"
    preferred = str(data.get("preferred_time") or "").strip()[:MAX_PREFERRED_TIME]
    reason = data.get("reason") if data.get("reason") in CALLBACK_REASONS else "resident_choice"
    return CallbackForm(phone=phone, preferred_time=preferred, reason=reason)


async def record_callback(
    session: AsyncSession, *, conversation: Conversation, form: CallbackForm,
    organisation: Organisation, now: datetime, client_msg_id: Optional[str],
) -> Optional[Callback]:
    """Stores the callback (once per client id; None for a repeat) and tells the resident when to expect it.

    A resident who was waiting in the queue leaves it: the handoff is closed
    with the outcome `callback_scheduled` and the bot owns the chat again.
    """
    # The resident's confirmation is stored first: its client id is unique, so of
    # two deliveries of the same form exactly one creates it and records the callback.
    values = texts.common_values(organisation, conversation.language)
    told = await append_message(
        session, conversation_id=conversation.id, sender=Sender.SYSTEM.value,
        text=texts.text("callback_recorded", conversation.language,
                        when=texts.when_text(organisation, conversation.language, now), **values),
        client_msg_id=f"callback:{client_msg_id}" if client_msg_id else None,
        payload={"neuvo": {"event": "callback_recorded"}},
    )
    if not told.created:
        return None
    callback = Callback(
        conversation_id=conversation.id, phone=form.phone, preferred_time=form.preferred_time or None,
        level=conversation.triage_level or "none", reason=form.reason, language=conversation.language,
        consent_at=now,
    )
    session.add(callback)
    if conversation.owner == Owner.WAITING.value:
        await session.execute(
            update(Handoff).where(Handoff.conversation_id == conversation.id,
                                  Handoff.status == HandoffStatus.QUEUED.value)
            .values(status=HandoffStatus.CLOSED.value, closed_at=now, outcome="callback_scheduled")
        )
        conversation.owner = Owner.BOT.value
    await session.flush()
    return callback
