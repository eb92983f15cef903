"""The conversation view and what a counsellor does in it.

Invariants:
- every read of a transcript (messages, intake record, notes) writes an audit
  row in the same transaction before the data is returned: if the audit
  write fails, the read fails (fail closed);
- only the counsellor who holds the handoff may write to the resident,
  transfer it or close it (each a compare-and-set on the handoff);
- notes are stored apart from messages and never reach the resident.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from handoff import audit
from handoff.console import scheduling
from handoff.console.errors import Conflict, Invalid, NotFound, NotYours
from handoff.messages import append_message, messages_after
from handoff.models import (COUNSELLING_ROLES, Conversation, Handoff, HandoffStatus, Message, Note, Owner, Sender,
                            User, utcnow)
from handoff.queue import claim

OUTCOMES = {
    "advice_given": "Neuvonta annettu",
    "referral_made": "Ohjattu palveluun",
    "callback_scheduled": "Takaisinsoitto sovittu",
    "assessment_started": "Palvelutarpeen arviointi aloitettu",
}
AFTER_CLOSE = ("bot", "end")
SYSTEM_TEXT = {
    "joined": {"fi": "Sosiaaliohjaaja liittyi keskusteluun.", "sv": "En socialhandledare anslöt till samtalet.",
               "en": "A social counsellor joined the conversation."},
    "transferred": {"fi": "Keskustelu siirtyi toiselle ohjaajalle.", "sv": "Samtalet flyttades till en annan handledare.",
                    "en": "Another counsellor is taking over the conversation."},
    "requeued": {"fi": "Keskustelu palasi jonoon. Seuraava vapaa sosiaaliohjaaja jatkaa sitä.",
                 "sv": "Samtalet gick tillbaka till kön. Nästa lediga socialhandledare fortsätter det.",
                 "en": "The conversation went back to the queue. The next free social counsellor will continue it."},
    "ended": {"fi": "Ohjaaja päätti keskustelun. Kiitos yhteydenotosta. Hätätilanteessa soita 112.",
              "sv": "Handledaren avslutade samtalet. Tack för att du tog kontakt. I en nödsituation, ring 112.",
              "en": "The counsellor ended the conversation. Thank you for getting in touch. In an emergency, call 112."},
}


@dataclass(frozen=True)
class Closed:
    handoff_id: int
    callback_id: Optional[int]  # the callback scheduled with the close, if any


def _message_dict(message: Message) -> dict[str, Any]:
    buttons = (message.payload or {}).get("buttons") if isinstance(message.payload, dict) else None
    return {"seq": message.seq, "sender": message.sender, "text": message.text,
            "at": message.created_at.isoformat() if message.created_at else None,
            "buttons": [str(b.get("title", "")) for b in buttons if isinstance(b, dict)] if buttons else []}


async def _conversation(session: AsyncSession, conversation_id: str) -> Conversation:
    conversation = await session.get(Conversation, conversation_id) if len(conversation_id) <= 32 else None
    if conversation is None:
        raise NotFound("Keskustelua ei löydy. (No such conversation.)")
    return conversation


async def latest_handoff(session: AsyncSession, conversation_id: str) -> Optional[Handoff]:
    return await session.scalar(
        select(Handoff).where(Handoff.conversation_id == conversation_id).order_by(Handoff.id.desc()).limit(1)
    )


async def read_transcript(
    session: AsyncSession, *, conversation_id: str, actor_id: int, ip: Optional[str], after_seq: int = 0,
    full: bool = True,
) -> dict[str, Any]:
    """The whole view (full: messages, intake record, notes) or the messages after `after_seq`, audited.

    A poll that finds nothing new reads no client data and writes no row.
    """
    conversation = await _conversation(session, conversation_id)
    messages = await messages_after(session, conversation_id=conversation_id, after_seq=after_seq)
    if not full and not messages:
        return {"messages": [], "owner": conversation.owner, "counsellor_id": conversation.counsellor_id}
    await audit.record(
        session, actor_id=actor_id, action="transcript.read" if full else "transcript.poll",
        target=f"conversation:{conversation_id}",
        details={"from_seq": after_seq + 1, "to_seq": messages[-1].seq if messages else after_seq}, ip=ip,
    )
    view: dict[str, Any] = {
        "conversation_id": conversation.id, "language": conversation.language, "owner": conversation.owner,
        "counsellor_id": conversation.counsellor_id, "messages": [_message_dict(m) for m in messages],
    }
    if full:
        handoff = await latest_handoff(session, conversation_id)
        notes = await session.execute(
            select(Note, User.username).join(User, User.id == Note.author_id)
            .where(Note.conversation_id == conversation_id).order_by(Note.id)
        )
        view["handoff"] = None if handoff is None else {
            "id": handoff.id, "level": handoff.level, "markers": list(handoff.markers or []),
            "intake": handoff.intake, "status": handoff.status, "claimed_by": handoff.claimed_by,
            "outcome": handoff.outcome,
        }
        view["notes"] = [{"author": name, "text": note.text, "at": note.created_at.isoformat()}
                         for note, name in notes.tuples()]
    return view


async def claim_handoff(session: AsyncSession, *, handoff_id: int, counsellor_id: int) -> Handoff:
    """queue.claim (one winner) plus a system line telling the resident a person joined."""
    handoff = await claim(session, handoff_id=handoff_id, counsellor_id=counsellor_id)
    await system_message(session, handoff.conversation_id, "joined")
    return handoff


async def _held(session: AsyncSession, conversation_id: str, counsellor_id: int) -> Handoff:
    handoff = await latest_handoff(session, conversation_id)
    if handoff is None or handoff.status != HandoffStatus.CLAIMED.value:
        raise Conflict("Keskustelu ei ole ohjaajalla. (The conversation is not with a counsellor.)")
    if handoff.claimed_by != counsellor_id:
        raise NotYours("Keskustelu on toisella ohjaajalla. (Another counsellor holds this conversation.)")
    return handoff


async def system_message(session: AsyncSession, conversation_id: str, kind: str) -> None:
    """Tells the resident, in their language, what a person did (joined, transferred, requeued, ended)."""
    language = await session.scalar(select(Conversation.language).where(Conversation.id == conversation_id))
    texts = SYSTEM_TEXT[kind]
    await append_message(session, conversation_id=conversation_id, sender=Sender.SYSTEM.value,
                         text=texts.get(language or "fi", texts["fi"]))


def _text(text: str, max_chars: int) -> str:
    text = (text or "").strip()
    if not text:
        raise Invalid("Kirjoita viesti. (The message is empty.)")
    if len(text) > max_chars:
        raise Invalid(f"Viesti on liian pitkä (enintään {max_chars} merkkiä). (Too long.)")
    return text


async def send_message(
    session: AsyncSession, *, conversation_id: str, counsellor_id: int, text: str,
    client_msg_id: Optional[str], max_chars: int,
) -> tuple[int, bool]:
    """Stores the counsellor's message (idempotent by client id); returns (seq, created)."""
    await _conversation(session, conversation_id)
    await _held(session, conversation_id, counsellor_id)
    appended = await append_message(
        session, conversation_id=conversation_id, sender=Sender.COUNSELLOR.value,
        text=_text(text, max_chars), client_msg_id=(client_msg_id or None) and client_msg_id[:64],
    )
    return appended.message.seq, appended.created


async def add_note(session: AsyncSession, *, conversation_id: str, author_id: int, text: str, max_chars: int) -> Note:
    await _conversation(session, conversation_id)
    note = Note(conversation_id=conversation_id, author_id=author_id, text=_text(text, max_chars))
    session.add(note)
    await session.flush()
    return note


async def transfer(session: AsyncSession, *, conversation_id: str, from_id: int, to_user_id: int) -> Handoff:
    """Hands the conversation to a colleague (an active counsellor or admin)."""
    handoff = await _held(session, conversation_id, from_id)
    colleague = await session.get(User, to_user_id)
    if (colleague is None or colleague.disabled_at is not None or colleague.id == from_id
            or colleague.role not in COUNSELLING_ROLES):
        raise Invalid("Valitse toinen ohjaaja. (Choose another active counsellor.)")
    moved = await session.scalar(
        update(Handoff).where(Handoff.id == handoff.id, Handoff.status == HandoffStatus.CLAIMED.value,
                              Handoff.claimed_by == from_id)
        .values(claimed_by=to_user_id).returning(Handoff.id)
    )
    if moved is None:
        raise Conflict("Keskustelu muuttui juuri. (The conversation changed; reload.)")
    await session.execute(update(Conversation).where(Conversation.id == conversation_id)
                          .values(counsellor_id=to_user_id))
    await system_message(session, conversation_id, "transferred")
    return handoff


async def close(
    session: AsyncSession, *, conversation_id: str, counsellor_id: int, outcome: str, then: str,
    callback: Optional[scheduling.CallbackDetails] = None,
) -> Closed:
    """Closes the handoff with an outcome; `then` is "bot" (the caller hands back after commit) or "end".

    With `callback_scheduled` the callback is added to the callback list in the
    same transaction (`handoff.console.scheduling`), so a refused close records none.
    """
    if outcome not in OUTCOMES:
        raise Invalid("Valitse lopputulos. (Choose an outcome.)")
    if then not in AFTER_CLOSE:
        raise Invalid("Valitse, jatkaako botti vai päättyykö keskustelu. (Choose bot or end.)")
    handoff = await _held(session, conversation_id, counsellor_id)
    details = None
    if outcome == scheduling.OUTCOME:
        details = await scheduling.check(session, conversation_id=conversation_id, intake=handoff.intake,
                                         details=callback or scheduling.CallbackDetails())
    closed = await session.scalar(
        update(Handoff).where(Handoff.id == handoff.id, Handoff.status == HandoffStatus.CLAIMED.value,
                              Handoff.claimed_by == counsellor_id)
        .values(status=HandoffStatus.CLOSED.value, outcome=outcome, closed_at=utcnow()).returning(Handoff.id)
    )
    if closed is None:
        raise Conflict("Keskustelu muuttui juuri. (The conversation changed; reload.)")
    callback_id = None
    if details is not None:
        conversation = await _conversation(session, conversation_id)
        scheduled = scheduling.schedule(session, conversation=conversation, handoff=handoff, details=details,
                                        now=utcnow())
        await session.flush()
        callback_id = scheduled.id
    if then == "end":
        await session.execute(update(Conversation).where(Conversation.id == conversation_id)
                              .values(owner=Owner.CLOSED.value, counsellor_id=None))
        await system_message(session, conversation_id, "ended")
    return Closed(handoff_id=handoff.id, callback_id=callback_id)
