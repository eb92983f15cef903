"""A callback agreed in the chat: closing with `callback_scheduled` puts it on the callback list.

Why at close and in the same transaction: the outcome says a call was
promised, so the promise must not depend on the counsellor remembering to
write it down elsewhere; a close that fails leaves no callback, and the
handoff's compare-and-set makes a double submit create at most one.

The phone number comes from the counsellor's form, else from the intake
record when the resident consented to be called (a redacted `[puh]` there is
filled in from the number the resident last wrote, as the bot hand-off does).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping, Optional

from sqlalchemy.ext.asyncio import AsyncSession

from handoff.chat.callbacks import MAX_PREFERRED_TIME, parse_form
from handoff.console.errors import Invalid
from handoff.messages import last_resident_phone
from handoff.models import Callback, Conversation, Handoff

OUTCOME = "callback_scheduled"
# Callback.reason for a call the counsellor agreed with the resident in the chat.
REASON = "agreed_in_chat"


@dataclass(frozen=True)
class CallbackDetails:
    """What the counsellor entered in the close form (all optional until checked)."""

    phone: str = ""
    preferred_time: str = ""
    consent: bool = False

    @classmethod
    def from_mapping(cls, data: Optional[Mapping[str, Any]]) -> "CallbackDetails":
        data = data or {}
        consent = data.get("consent")
        return cls(phone=str(data.get("phone") or "").strip(),
                   preferred_time=str(data.get("preferred_time") or "").strip()[:MAX_PREFERRED_TIME],
                   consent=consent is True or str(consent).lower() in {"1", "on", "true", "yes"})


def consented_intake(intake: Optional[dict[str, Any]]) -> dict[str, Any]:
    """Phone and time from an intake record whose resident agreed to be called, else {}."""
    if not isinstance(intake, dict):
        return {}
    consent = intake.get("consent") if isinstance(intake.get("consent"), dict) else {}
    if consent.get("call_back") is not True:
        return {}
    phone = intake.get("phone") if isinstance(intake.get("phone"), str) else ""
    time = intake.get("callback_time") if isinstance(intake.get("callback_time"), str) else ""
    return {"phone": phone, "preferred_time": time}


async def suggestion(session: AsyncSession, *, conversation_id: str, intake: Optional[dict[str, Any]]) -> dict[str, Any]:
    """What the close form is pre-filled with: the consented phone (redaction resolved) and time."""
    given = consented_intake(intake)
    phone = given.get("phone") or ""
    if given and (not phone or "[" in phone):
        phone = await last_resident_phone(session, conversation_id) or ""
    return {"phone": phone, "preferred_time": given.get("preferred_time") or "", "consented": bool(given)}


async def check(
    session: AsyncSession, *, conversation_id: str, intake: Optional[dict[str, Any]], details: CallbackDetails,
) -> CallbackDetails:
    """The details to record, or Invalid: a phone is needed, and consent unless the intake gave it."""
    known = await suggestion(session, conversation_id=conversation_id, intake=intake)
    phone = details.phone or known["phone"]
    if not phone:
        raise Invalid("Takaisinsoittoon tarvitaan puhelinnumero. (A callback needs a phone number.)")
    # The intake's consent covers the number it gave, not one the counsellor typed instead.
    consent = details.consent or (known["consented"] and phone == known["phone"])
    form = parse_form({"phone": phone, "preferred_time": details.preferred_time or known["preferred_time"],
                       "consent": consent})
    if form == "invalid_phone":
        raise Invalid("Tarkista puhelinnumero. (Check the phone number.)")
    if form == "consent_required":
        raise Invalid("Kirjaa, että asukas suostui takaisinsoittoon. (Record the resident's consent.)")
    return CallbackDetails(phone=form.phone, preferred_time=form.preferred_time, consent=True)


def schedule(
    session: AsyncSession, *, conversation: Conversation, handoff: Handoff, details: CallbackDetails, now: datetime,
) -> Callback:
    """Adds the callback (caller flushes/commits with the close)."""
    callback = Callback(
        conversation_id=conversation.id, phone=details.phone[:32], preferred_time=details.preferred_time or None,
        level=handoff.level or conversation.triage_level or "none", reason=REASON,
        language=conversation.language, consent_at=now,
    )
    session.add(callback)
    return callback
