"""Closing with "callback scheduled" puts the callback on the callback list (issue 4).

Through the real hub over HTTP (form and JSON API), on SQLite and PostgreSQL:
the phone comes from a consented intake record (a redacted `[puh]` filled in
from what the resident wrote), or the counsellor enters it with the resident's
consent; a refused close records nothing, a repeated close records no second one.
"""
from __future__ import annotations

import pytest
from sqlalchemy import select

from handoff.messages import append_message
from handoff.models import AuditLog, Callback, Handoff
from tests.handoff.liveserver import add_user, csrf_headers, hub_settings, login, running_hub, waiting_conversation

pytestmark = pytest.mark.asyncio
CONSENTED = {"version": 1, "phone": "[puh]", "callback_time": "iltapäivällä",
             "consent": {"pass_to_counsellor": True, "call_back": True}}


async def _claim(client, handoff_id: int) -> None:
    response = await client.post(f"/console/api/handoffs/{handoff_id}/claim", headers=csrf_headers(client))
    assert response.status_code == 200, response.text


async def _callbacks(sessionmaker) -> list[Callback]:
    async with sessionmaker() as session:
        return list(await session.scalars(select(Callback).order_by(Callback.id)))


async def test_consented_intake_fills_the_form_and_the_close_records_the_callback(sessionmaker, database_url):
    name = await add_user(sessionmaker)
    conversation_id, handoff_id = await waiting_conversation(sessionmaker, level="support", intake=CONSENTED)
    async with sessionmaker.begin() as session:  # the number the bot only saw as [puh]
        await append_message(session, conversation_id=conversation_id, sender="resident", text="040 123 4567")
    async with running_hub(hub_settings(database_url)) as (url, _app):
        client = await login(url, name)
        await _claim(client, handoff_id)
        page = await client.get(f"/console/conversations/{conversation_id}")
        closed = await client.post(f"/console/conversations/{conversation_id}/close", data={
            "outcome": "callback_scheduled", "then": "bot", "csrf_token": client.csrf,
            "cb_phone": "040 123 4567", "cb_time": "iltapäivällä"})
        listing = await client.get("/console/callbacks")
        await client.aclose()
    assert 'name="cb_phone" type="tel" maxlength="32" value="040 123 4567"' in page.text
    assert 'value="iltapäivällä"' in page.text and 'name="cb_consent"' not in page.text  # consent came with intake
    assert closed.status_code == 303, closed.text
    [callback] = await _callbacks(sessionmaker)
    assert (callback.conversation_id, callback.phone, callback.preferred_time, callback.level, callback.reason,
            callback.status) == (conversation_id, "040 123 4567", "iltapäivällä", "support", "agreed_in_chat", "open")
    assert callback.consent_at is not None
    assert "040 123 4567" in listing.text and "Sovittu chatissa" in listing.text
    async with sessionmaker() as session:
        details = await session.scalar(select(AuditLog.details).where(AuditLog.action == "handoff.close"))
        handoff = await session.get(Handoff, handoff_id)
    assert details["callback"] == callback.id and "040" not in str(details)  # ids only in the audit row
    assert (handoff.status, handoff.outcome) == ("closed", "callback_scheduled")


async def test_without_intake_the_counsellor_enters_phone_and_consent(sessionmaker, database_url):
    name = await add_user(sessionmaker)
    conversation_id, handoff_id = await waiting_conversation(sessionmaker, level="urgent")
    path = f"/console/api/conversations/{conversation_id}/close"
    async with running_hub(hub_settings(database_url)) as (url, _app):
        client = await login(url, name)
        await _claim(client, handoff_id)
        page = await client.get(f"/console/conversations/{conversation_id}")
        no_phone = await client.post(path, json={"outcome": "callback_scheduled", "then": "end"},
                                     headers=csrf_headers(client))
        no_consent = await client.post(path, json={"outcome": "callback_scheduled", "then": "end",
                                                   "callback": {"phone": "0401234567"}}, headers=csrf_headers(client))
        bad_phone = await client.post(path, json={"outcome": "callback_scheduled", "then": "end",
                                                  "callback": {"phone": "soita", "consent": True}},
                                      headers=csrf_headers(client))
        body = {"outcome": "callback_scheduled", "then": "end",
                "callback": {"phone": "+358 40 765 4321", "preferred_time": "huomenna klo 9–11", "consent": True}}
        closed = await client.post(path, json=body, headers=csrf_headers(client))
        again = await client.post(path, json=body, headers=csrf_headers(client))
        await client.aclose()
    assert 'name="cb_consent"' in page.text and 'name="cb_phone" type="tel" maxlength="32" value=""' in page.text
    assert (no_phone.status_code, no_consent.status_code, bad_phone.status_code) == (400, 400, 400)
    assert "puhelinnumero" in no_phone.json()["error"] and "suostui" in no_consent.json()["error"]
    assert closed.status_code == 200 and again.status_code == 409
    [callback] = await _callbacks(sessionmaker)  # the refused closes and the repeat recorded nothing
    assert closed.json()["callback_id"] == callback.id
    assert (callback.phone, callback.preferred_time, callback.level, callback.reason) == (
        "+358 40 765 4321", "huomenna klo 9–11", "urgent", "agreed_in_chat")


async def test_other_outcomes_schedule_no_callback(sessionmaker, database_url):
    name = await add_user(sessionmaker)
    conversation_id, handoff_id = await waiting_conversation(sessionmaker, intake=CONSENTED)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        client = await login(url, name)
        await _claim(client, handoff_id)
        closed = await client.post(f"/console/api/conversations/{conversation_id}/close",
                                   json={"outcome": "advice_given", "then": "end",
                                         "callback": {"phone": "0401234567", "consent": True}},
                                   headers=csrf_headers(client))
        await client.aclose()
    assert closed.status_code == 200 and closed.json()["callback_id"] is None
    assert await _callbacks(sessionmaker) == []
