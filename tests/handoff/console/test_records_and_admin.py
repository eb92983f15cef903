"""Callbacks, phone contacts, statistics, presence, and the admin pages."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from handoff.console.presence import present_counsellors
from handoff.models import AuditLog, Callback, PhoneContact, User, UserSession, utcnow
from tests.handoff.liveserver import add_user, csrf_headers, login, running_hub, hub_settings

pytestmark = pytest.mark.asyncio
PHONE = "040 111 2233"


async def test_callback_list_is_ordered_audited_and_marked_done_once(sessionmaker, database_url) -> None:
    name = await add_user(sessionmaker)
    async with sessionmaker.begin() as session:
        session.add_all([
            Callback(phone="050 000 0001", preferred_time="iltapäivä", level="support", reason="outside_hours"),
            Callback(phone=PHONE, preferred_time="heti", level="urgent", reason="nobody_available"),
        ])
    async with running_hub(hub_settings(database_url)) as (url, _app):
        client = await login(url, name)
        page = await client.get("/console/callbacks")
        async with sessionmaker() as session:
            urgent_id = await session.scalar(select(Callback.id).where(Callback.phone == PHONE))
        done = await client.post(f"/console/callbacks/{urgent_id}/done",
                                 data={"outcome": "advice_given", "csrf_token": client.csrf})
        twice = await client.post(f"/console/callbacks/{urgent_id}/done",
                                  data={"outcome": "advice_given", "csrf_token": client.csrf})
        after = await client.get("/console/callbacks")
        await client.aclose()
    assert page.status_code == 200 and page.text.index(PHONE) < page.text.index("050 000 0001")
    assert "Ei ohjaajia paikalla" in page.text and "iltapäivä" in page.text
    assert done.status_code == 303 and twice.status_code == 409
    open_part = after.text.split("Hoidetut")[0]
    assert PHONE not in open_part and PHONE in after.text.split("Hoidetut")[1]
    async with sessionmaker() as session:
        contact = await session.scalar(select(PhoneContact))
        reads = await session.scalar(select(func.count()).select_from(AuditLog)
                                     .where(AuditLog.action == "callbacks.read"))
        details = list(await session.scalars(select(AuditLog.details)))
    assert (contact.channel, contact.level, contact.outcome, contact.callback_id) == (
        "callback", "urgent", "advice_given", urgent_id)
    assert reads == 2 and PHONE not in str(details)


async def test_phone_contact_form_and_statistics(sessionmaker, database_url) -> None:
    name = await add_user(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        client = await login(url, name)
        saved = await client.post("/console/phone", data={
            "level": "urgent", "outcome": "assessment_started", "language": "sv", "minutes": "15",
            "occurred_at": "", "csrf_token": client.csrf})
        refused = await client.post("/console/phone", data={
            "level": "urgent", "outcome": "nonsense", "language": "fi", "csrf_token": client.csrf})
        bad_time = await client.post("/console/phone", data={
            "level": "urgent", "outcome": "advice_given", "language": "fi", "occurred_at": "eilen",
            "csrf_token": client.csrf})
        stats = await client.get("/console/stats?days=7")
        await client.aclose()
    assert saved.status_code == 303 and saved.headers["location"] == "/console/phone?saved=1"
    assert refused.status_code == 400 and bad_time.status_code == 400
    async with sessionmaker() as session:
        rows = list(await session.scalars(select(PhoneContact)))
    assert [(r.channel, r.level, r.outcome, r.language, r.minutes) for r in rows] == [
        ("phone", "urgent", "assessment_started", "sv", 15)]
    assert stats.status_code == 200
    today = utcnow().date().isoformat()
    assert f"<td>{today}</td><td>Puhelin</td><td>Kiireellinen</td><td>Palvelutarpeen arviointi aloitettu</td><td>1</td>" \
        in stats.text


async def test_presence_counts_only_available_counsellors_with_a_live_session(sessionmaker, database_url) -> None:
    here, away = await add_user(sessionmaker), await add_user(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        a, b = await login(url, here), await login(url, away)
        on = await a.post("/console/api/presence", json={"available": True}, headers=csrf_headers(a))
        assert on.status_code == 200
        queue = (await a.get("/console/api/queue")).json()
        async with sessionmaker() as session:
            assert await present_counsellors(session) == 1 == queue["present"]
        # A counsellor whose page stopped polling drops out by themselves.
        async with sessionmaker.begin() as session:
            await session.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(minutes=10)))
        async with sessionmaker() as session:
            assert await present_counsellors(session) == 0
        # Logging out marks the counsellor away.
        await a.post("/console/logout", data={"csrf_token": a.csrf})
        async with sessionmaker() as session:
            assert await session.scalar(select(User.available).where(User.username == here)) is False
        await a.aclose()
        await b.aclose()


async def test_admin_reads_the_audit_log_and_manages_users(sessionmaker, database_url) -> None:
    admin, counsellor = await add_user(sessionmaker, "admin"), await add_user(sessionmaker)
    async with running_hub(hub_settings(database_url)) as (url, _app):
        boss, worker = await login(url, admin), await login(url, counsellor)
        audit_page = await boss.get("/console/admin/audit?action=login")
        weak = await boss.post("/console/admin/users", data={
            "username": "cecilia", "password": "short", "role": "counsellor", "csrf_token": boss.csrf})
        added = await boss.post("/console/admin/users", data={
            "username": "cecilia", "password": "pitkä ja hyvä salasana 9", "role": "editor", "csrf_token": boss.csrf})
        disabled = await boss.post(f"/console/admin/users/{counsellor}/disable", data={"csrf_token": boss.csrf})
        self_disable = await boss.post(f"/console/admin/users/{admin}/disable", data={"csrf_token": boss.csrf})
        locked_out_worker = await worker.get("/console/api/queue")
        users_page = await boss.get("/console/admin/users")
        await boss.aclose()
        await worker.aclose()
    assert audit_page.status_code == 200 and audit_page.text.count("<td>login</td>") == 2
    assert weak.status_code == 303 and "error=" in weak.headers["location"]
    assert added.status_code == 303 and "error" not in added.headers["location"]
    assert disabled.status_code == 303 and "error=" in self_disable.headers["location"]
    assert locked_out_worker.status_code == 401
    assert "cecilia" in users_page.text and "pois käytöstä" in users_page.text
    async with sessionmaker() as session:
        actions = set(await session.scalars(select(AuditLog.action)))
        cecilia = await session.scalar(select(User).where(User.username == "cecilia"))
    assert {"audit.read", "user.add", "user.disable"} <= actions
    assert cecilia.role == "editor" and cecilia.password_hash.startswith("$argon2id$")
