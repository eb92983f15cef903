"""Live chat, notes, transfer and close through the console's HTTP API and forms."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from handoff.messages import messages_after
from handoff.models import AuditLog, Conversation, Handoff, Message, Note
from tests.handoff.liveserver import add_user, csrf_headers, login, running_hub, hub_settings, waiting_conversation

pytestmark = pytest.mark.asyncio
NOTE_TEXT = "SENTINEL-internal-note-only-staff"


async def _claimed(client, handoff_id: int) -> None:
    response = await client.post(f"/console/api/handoffs/{handoff_id}/claim", headers=csrf_headers(client))
    assert response.status_code == 200, response.text


async def test_counsellor_message_is_stored_once_and_only_by_the_holder(sessionmaker, database_url) -> None:
    holder, other = await add_user(sessionmaker), await add_user(sessionmaker)
    conversation_id, handoff_id = await waiting_conversation(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        a, b = await login(url, holder), await login(url, other)
        before = await a.post(f"/console/api/conversations/{conversation_id}/messages", json={"text": "hei"},
                              headers=csrf_headers(a))
        await _claimed(a, handoff_id)
        path = f"/console/api/conversations/{conversation_id}/messages"
        first = await a.post(path, json={"text": "Hei, olen ohjaaja.", "client_msg_id": "m-1"}, headers=csrf_headers(a))
        retry = await a.post(path, json={"text": "Hei, olen ohjaaja.", "client_msg_id": "m-1"}, headers=csrf_headers(a))
        intruder = await b.post(path, json={"text": "en ole omistaja"}, headers=csrf_headers(b))
        too_long = await a.post(path, json={"text": "x" * 2001}, headers=csrf_headers(a))
        empty = await a.post(path, json={"text": "   "}, headers=csrf_headers(a))
        malformed = await a.post(path, content=b"{not json", headers={**csrf_headers(a),
                                                                      "Content-Type": "application/json"})
        await a.aclose()
        await b.aclose()
    assert before.status_code == 409
    assert (first.status_code, retry.status_code) == (201, 200) and first.json()["seq"] == retry.json()["seq"]
    assert intruder.status_code == 403
    assert (too_long.status_code, empty.status_code, malformed.status_code) == (400, 400, 400)
    async with sessionmaker() as session:
        messages = await messages_after(session, conversation_id=conversation_id)
    assert [(m.sender, m.text) for m in messages][1:] == [
        ("system", "Sosiaaliohjaaja liittyi keskusteluun."), ("counsellor", "Hei, olen ohjaaja.")]


async def test_notes_stay_out_of_the_residents_transcript(sessionmaker, database_url) -> None:
    name = await add_user(sessionmaker)
    conversation_id, handoff_id = await waiting_conversation(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        client = await login(url, name)
        await _claimed(client, handoff_id)
        form = await client.post(f"/console/conversations/{conversation_id}/notes",
                                 data={"text": NOTE_TEXT, "csrf_token": client.csrf})
        api = await client.post(f"/console/api/conversations/{conversation_id}/notes", json={"text": "toinen"},
                                headers=csrf_headers(client))
        page = await client.get(f"/console/conversations/{conversation_id}")
        await client.aclose()
    assert form.status_code == 303 and api.status_code == 201
    assert NOTE_TEXT in page.text  # staff see it ...
    async with sessionmaker() as session:
        resident_view = await messages_after(session, conversation_id=conversation_id)  # what the chat replays
        notes = list(await session.scalars(select(Note.text)))
        every_message = list(await session.scalars(select(Message.text)))
    assert notes == [NOTE_TEXT, "toinen"]
    assert all(NOTE_TEXT not in m.text for m in resident_view) and NOTE_TEXT not in " ".join(every_message)


async def test_transfer_moves_the_conversation_to_a_colleague(sessionmaker, database_url) -> None:
    first, second = await add_user(sessionmaker), await add_user(sessionmaker)
    conversation_id, handoff_id = await waiting_conversation(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        a, b = await login(url, first), await login(url, second)
        await _claimed(a, handoff_id)
        async with sessionmaker() as session:
            second_id = (await session.scalar(select(Handoff.claimed_by))) + 1
        moved = await a.post(f"/console/conversations/{conversation_id}/transfer",
                             data={"to": str(second_id), "csrf_token": a.csrf})
        path = f"/console/api/conversations/{conversation_id}/messages"
        old_holder = await a.post(path, json={"text": "vielä minä?"}, headers=csrf_headers(a))
        new_holder = await b.post(path, json={"text": "Jatkan tästä."}, headers=csrf_headers(b))
        mine = (await b.get("/console/api/queue")).json()["mine"]
        await a.aclose()
        await b.aclose()
    assert moved.status_code == 303
    assert old_holder.status_code == 403 and new_holder.status_code == 201
    assert [item["conversation_id"] for item in mine] == [conversation_id]
    async with sessionmaker() as session:
        conversation = await session.get(Conversation, conversation_id)
        assert conversation.counsellor_id == second_id
        assert await session.scalar(select(AuditLog.details).where(AuditLog.action == "handoff.transfer")) == {
            "to": second_id}


async def test_close_and_end_records_the_outcome(sessionmaker, database_url) -> None:
    name = await add_user(sessionmaker)
    conversation_id, handoff_id = await waiting_conversation(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        client = await login(url, name)
        await _claimed(client, handoff_id)
        bad = await client.post(f"/console/conversations/{conversation_id}/close",
                                data={"outcome": "made_up", "then": "end", "csrf_token": client.csrf})
        closed = await client.post(f"/console/conversations/{conversation_id}/close",
                                   data={"outcome": "referral_made", "then": "end", "csrf_token": client.csrf})
        again = await client.post(f"/console/api/conversations/{conversation_id}/close",
                                  json={"outcome": "referral_made", "then": "end"}, headers=csrf_headers(client))
        await client.aclose()
    assert bad.status_code == 400 and closed.status_code == 303 and again.status_code == 409
    async with sessionmaker() as session:
        handoff = await session.get(Handoff, handoff_id)
        conversation = await session.get(Conversation, conversation_id)
        last = (await messages_after(session, conversation_id=conversation_id))[-1]
    assert (handoff.status, handoff.outcome) == ("closed", "referral_made") and handoff.closed_at is not None
    assert conversation.owner == "closed" and conversation.counsellor_id is None
    assert last.sender == "system" and "112" in last.text


async def test_close_and_return_to_the_bot_hands_back(sessionmaker, database_url) -> None:
    name = await add_user(sessionmaker)
    conversation_id, handoff_id = await waiting_conversation(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        client = await login(url, name)
        await _claimed(client, handoff_id)
        closed = await client.post(f"/console/api/conversations/{conversation_id}/close",
                                   json={"outcome": "advice_given", "then": "bot"}, headers=csrf_headers(client))
        await client.aclose()
    assert closed.status_code == 200 and closed.json()["closed"] == handoff_id
    async with sessionmaker() as session:
        handoff = await session.get(Handoff, handoff_id)
        conversation = await session.get(Conversation, conversation_id)
    assert (handoff.status, handoff.outcome) == ("closed", "advice_given")
    # hand_back (handoff.botlink) gives the conversation back to the bot even while Rasa is not running.
    assert closed.json()["handed_back"] is True and conversation.owner == "bot"
