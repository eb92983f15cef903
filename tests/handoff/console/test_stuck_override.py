"""Admin override for stuck conversations, through the real hub over HTTP (SQLite and PostgreSQL).

A counsellor claims a conversation and goes away; another waits in the queue
too long. Counsellors and anonymous callers are refused; the admin sees both
flagged, releases the first to the queue, reassigns the second, returns the
first to the bot; a form from a state that changed meanwhile gets 409; every
override is audited with who, what and when.
"""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from handoff.messages import messages_after
from handoff.models import AuditLog, Conversation, Handoff, User, utcnow
from tests.handoff.liveserver import (add_user, csrf_headers, free_port, hub_settings, login, running_hub,
                                      waiting_conversation)

pytestmark = pytest.mark.asyncio


async def _user_id(sessionmaker, name: str) -> int:
    async with sessionmaker() as session:
        return await session.scalar(select(User.id).where(User.username == name))


async def test_admin_releases_reassigns_and_returns_stuck_conversations(sessionmaker, database_url):
    away, other, admin = (await add_user(sessionmaker), await add_user(sessionmaker),
                          await add_user(sessionmaker, role="admin"))
    away_id, other_id, admin_id = [await _user_id(sessionmaker, n) for n in (away, other, admin)]
    claimed_cid, claimed_hid = await waiting_conversation(sessionmaker, level="urgent")
    queued_cid, queued_hid = await waiting_conversation(sessionmaker, level="support")
    async with sessionmaker.begin() as session:  # waiting for half an hour
        await session.execute(update(Handoff).where(Handoff.id == queued_hid)
                              .values(created_at=utcnow() - timedelta(minutes=30)))
    # Nothing listens on this port: the hand-back finds the bot unreachable, as with Rasa down.
    settings = hub_settings(database_url, rasa_url=f"http://127.0.0.1:{free_port()}", rasa_timeout_seconds=1.0)
    async with running_hub(settings) as (url, _app):
        holder = await login(url, away)
        claim = await holder.post(f"/console/api/handoffs/{claimed_hid}/claim", headers=csrf_headers(holder))
        assert claim.status_code == 200
        await holder.post("/console/api/presence", json={"available": False}, headers=csrf_headers(holder))

        colleague, boss = await login(url, other), await login(url, admin)
        seen = {"status": "claimed", "holder": str(away_id)}
        refused_page = await colleague.get("/console/admin/stuck")
        refused_post = await colleague.post(f"/console/admin/stuck/{claimed_hid}/release",
                                            data={**seen, "csrf_token": colleague.csrf})
        async with holder.__class__(base_url=url, follow_redirects=False) as anonymous:
            anonymous_page = await anonymous.get("/console/admin/stuck")
            anonymous_post = await anonymous.post(f"/console/admin/stuck/{claimed_hid}/release", data=seen)

        listing = await boss.get("/console/admin/stuck")
        released = await boss.post(f"/console/admin/stuck/{claimed_hid}/release",
                                   data={**seen, "csrf_token": boss.csrf})
        stale = await boss.post(f"/console/admin/stuck/{claimed_hid}/release", data={**seen, "csrf_token": boss.csrf})
        too_late = await holder.post(f"/console/api/conversations/{claimed_cid}/messages", json={"text": "palasin"},
                                     headers=csrf_headers(holder))
        reassigned = await boss.post(f"/console/admin/stuck/{queued_hid}/reassign",
                                     data={"status": "queued", "holder": "", "to": str(other_id),
                                           "csrf_token": boss.csrf})
        answer = await colleague.post(f"/console/api/conversations/{queued_cid}/messages", json={"text": "Hei!"},
                                      headers=csrf_headers(colleague))
        returned = await boss.post(f"/console/admin/stuck/{claimed_hid}/return",
                                   data={"status": "queued", "holder": "", "csrf_token": boss.csrf})
        for client in (holder, colleague, boss):
            await client.aclose()

    assert (refused_page.status_code, refused_post.status_code) == (403, 403)
    assert anonymous_page.status_code in (302, 303) and "/console/login" in anonymous_page.headers["location"]
    assert anonymous_post.status_code in (302, 303, 401, 403)
    assert listing.status_code == 200
    rows = listing.text.split("<tbody>", 1)[1]
    assert "Ohjaaja poissa" in rows and "Odottanut jonossa" in rows and away in rows
    assert released.status_code == 303 and stale.status_code == 409 and too_late.status_code == 409
    assert reassigned.status_code == 303 and answer.status_code == 201
    assert returned.status_code == 303

    async with sessionmaker() as session:
        first = await session.get(Handoff, claimed_hid)
        second = await session.get(Handoff, queued_hid)
        first_conversation = await session.get(Conversation, claimed_cid)
        second_conversation = await session.get(Conversation, queued_cid)
        told = [m.text for m in await messages_after(session, conversation_id=claimed_cid)]
        audit = list(await session.execute(select(AuditLog.actor_id, AuditLog.action, AuditLog.target,
                                                  AuditLog.details, AuditLog.at)
                                           .where(AuditLog.action.like("admin.%")).order_by(AuditLog.id)))
    assert (first.status, first.outcome, first.claimed_by) == ("closed", "returned_by_admin", None)
    assert (first_conversation.owner, first_conversation.counsellor_id) == ("bot", None)
    assert any("palasi jonoon" in text for text in told)  # the resident was told at the release
    assert (second.status, second.claimed_by, second_conversation.owner, second_conversation.counsellor_id) == (
        "claimed", other_id, "counsellor", other_id)
    assert [(a.actor_id, a.action, a.target, a.details) for a in audit] == [
        (admin_id, "admin.release", f"conversation:{claimed_cid}",
         {"handoff": claimed_hid, "status": "claimed", "from": away_id, "to": None}),
        (admin_id, "admin.reassign", f"conversation:{queued_cid}",
         {"handoff": queued_hid, "status": "queued", "from": None, "to": other_id}),
        (admin_id, "admin.return", f"conversation:{claimed_cid}",
         {"handoff": claimed_hid, "status": "queued", "from": None, "to": None}),
    ]
    assert all(a.at is not None for a in audit)


async def test_reassign_refuses_a_non_counsellor_and_a_changed_state(sessionmaker, database_url):
    admin, editor = await add_user(sessionmaker, role="admin"), await add_user(sessionmaker, role="editor")
    editor_id = await _user_id(sessionmaker, editor)
    _cid, hid = await waiting_conversation(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        boss = await login(url, admin)
        to_editor = await boss.post(f"/console/admin/stuck/{hid}/reassign",
                                    data={"status": "queued", "holder": "", "to": str(editor_id),
                                          "csrf_token": boss.csrf})
        wrong_state = await boss.post(f"/console/admin/stuck/{hid}/return",
                                      data={"status": "claimed", "holder": "1", "csrf_token": boss.csrf})
        no_csrf = await boss.post(f"/console/admin/stuck/{hid}/return", data={"status": "queued", "holder": ""})
        await boss.aclose()
    assert (to_editor.status_code, wrong_state.status_code, no_csrf.status_code) == (400, 409, 403)
    async with sessionmaker() as session:
        assert (await session.get(Handoff, hid)).status == "queued"
