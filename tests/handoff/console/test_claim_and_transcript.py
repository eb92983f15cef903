"""Claim race over HTTP, audited transcript reads, and fail-closed behaviour when the audit log fails."""
from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select, text

from handoff.models import AuditLog, Conversation, Handoff
from tests.handoff.liveserver import add_user, csrf_headers, login, running_hub, hub_settings, waiting_conversation

pytestmark = pytest.mark.asyncio
SECRET_TEXT = "SENTINEL-resident-words-4711"


async def test_exactly_one_of_many_concurrent_http_claims_wins(sessionmaker, database_url) -> None:
    names = [await add_user(sessionmaker) for _ in range(6)]
    conversation_id, handoff_id = await waiting_conversation(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        clients = [await login(url, name) for name in names]
        responses = await asyncio.gather(*(
            c.post(f"/console/api/handoffs/{handoff_id}/claim", headers=csrf_headers(c)) for c in clients))
        for client in clients:
            await client.aclose()
    codes = sorted(r.status_code for r in responses)
    assert codes == [200] + [409] * 5
    loser = next(r for r in responses if r.status_code == 409)
    assert "Toinen ohjaaja ehti" in loser.json()["error"]
    async with sessionmaker() as session:
        handoff = await session.get(Handoff, handoff_id)
        conversation = await session.get(Conversation, conversation_id)
        claims = list(await session.scalars(select(AuditLog).where(AuditLog.action == "handoff.claim")))
    assert handoff.status == "claimed" and conversation.owner == "counsellor"
    assert conversation.counsellor_id == handoff.claimed_by and len(claims) == 1
    assert claims[0].actor_id == handoff.claimed_by


async def test_queue_api_orders_by_level_and_carries_no_text(sessionmaker, database_url) -> None:
    name = await add_user(sessionmaker)
    for level in ("support", "emergency", "none", "urgent"):
        await waiting_conversation(sessionmaker, level=level, text=SECRET_TEXT, markers=[f"{level}_marker"])
    async with running_hub(hub_settings(database_url)) as (url, _app):
        client = await login(url, name)
        response = await client.get("/console/api/queue")
        await client.aclose()
    queue = response.json()["queue"]
    assert [item["level"] for item in queue] == ["emergency", "urgent", "support", "none"]
    assert queue[0]["markers"] == ["emergency_marker"] and queue[0]["waited_seconds"] >= 0
    assert SECRET_TEXT not in response.text


async def test_every_transcript_read_is_audited_and_not_cached(sessionmaker, database_url) -> None:
    name = await add_user(sessionmaker)
    conversation_id, _ = await waiting_conversation(
        sessionmaker, text=SECRET_TEXT, intake={"topic": "asuminen", "municipality": "Lahti"})
    async with running_hub(hub_settings(database_url)) as (url, _app):
        client = await login(url, name)
        page = await client.get(f"/console/conversations/{conversation_id}")
        poll = await client.get(f"/console/api/conversations/{conversation_id}/messages?after=0")
        empty = await client.get(f"/console/api/conversations/{conversation_id}/messages?after=99")
        await client.aclose()
    assert page.status_code == 200 and SECRET_TEXT in page.text and "Lahti" in page.text
    assert page.headers["cache-control"] == "no-store" and poll.headers["cache-control"] == "no-store"
    assert SECRET_TEXT in poll.text and empty.json()["messages"] == []
    async with sessionmaker() as session:
        rows = list(await session.scalars(select(AuditLog).where(AuditLog.target == f"conversation:{conversation_id}")
                                          .order_by(AuditLog.id)))
    assert [r.action for r in rows] == ["transcript.read", "transcript.poll"]
    assert all(r.actor_id is not None and r.ip for r in rows)
    assert SECRET_TEXT not in str([r.details for r in rows])


async def _break_audit_log(sessionmaker, database_url: str) -> None:
    """Makes every insert into audit_log fail, as a full disk or a revoked grant would."""
    async with sessionmaker.begin() as session:
        if database_url.startswith("sqlite"):
            await session.execute(text(
                "CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END"))
        else:
            await session.execute(text(
                "CREATE FUNCTION no_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit down'; END $$ "
                "LANGUAGE plpgsql"))
            await session.execute(text(
                "CREATE TRIGGER no_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION no_audit()"))


async def test_transcript_is_not_returned_when_the_audit_write_fails(sessionmaker, database_url) -> None:
    name = await add_user(sessionmaker)
    conversation_id, _ = await waiting_conversation(sessionmaker, text=SECRET_TEXT)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        client = await login(url, name)  # log-in writes its audit row before the log breaks
        await _break_audit_log(sessionmaker, database_url)
        page = await client.get(f"/console/conversations/{conversation_id}")
        poll = await client.get(f"/console/api/conversations/{conversation_id}/messages?after=0")
        callbacks = await client.get("/console/callbacks")
        await client.aclose()
    for response in (page, poll, callbacks):
        assert response.status_code == 500
        assert SECRET_TEXT not in response.text and "audit down" not in response.text
        assert "Jokin meni vikaan" in response.text or "Something went wrong" in response.text


async def test_unknown_conversation_is_404_without_an_audit_row(sessionmaker, database_url) -> None:
    name = await add_user(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        client = await login(url, name)
        page = await client.get("/console/conversations/" + "0" * 32)
        api = await client.get("/console/api/conversations/" + "x" * 300 + "/messages")
        await client.aclose()
    assert page.status_code == 404 and api.status_code == 404
    async with sessionmaker() as session:
        assert list(await session.scalars(select(AuditLog.action).where(AuditLog.action.like("transcript%")))) == []
