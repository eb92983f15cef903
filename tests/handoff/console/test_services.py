"""Console services without HTTP: statistics grouping, phone-contact validation, canned replies, intake rendering."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from handoff.console import canned, contacts
from handoff.console.errors import Invalid
from handoff.console.intake import render
from handoff.messages import create_conversation
from handoff.models import Handoff, PhoneContact, User, utcnow


@pytest.mark.asyncio
async def test_statistics_count_chat_callback_and_phone_per_day(sessionmaker) -> None:
    now = utcnow()
    async with sessionmaker.begin() as session:
        user = User(username="c", password_hash="x")
        session.add(user)
        conversation = await create_conversation(session)
        await session.flush()
        session.add_all([
            Handoff(conversation_id=conversation.id, level="urgent", status="closed", outcome="advice_given",
                    closed_at=now),
            Handoff(conversation_id=conversation.id, level="urgent", status="closed", outcome="advice_given",
                    closed_at=now),
            Handoff(conversation_id=conversation.id, level="urgent", status="queued"),
            Handoff(conversation_id=conversation.id, level="support", status="closed", outcome="referral_made",
                    closed_at=now - timedelta(days=40)),
            PhoneContact(channel="callback", level="support", outcome="referral_made", occurred_at=now),
        ])
        await contacts.log_phone_contact(session, counsellor_id=user.id, level="none", outcome="advice_given",
                                         occurred_at=now - timedelta(days=1))
    async with sessionmaker() as session:
        rows = await contacts.daily_statistics(session, days=30, now=now)
    today, yesterday = now.date(), (now - timedelta(days=1)).date()
    assert [(r.day, r.channel, r.level, r.outcome, r.count) for r in rows] == [
        (today, "chat", "urgent", "advice_given", 2),
        (today, "callback", "support", "referral_made", 1),
        (yesterday, "phone", "none", "advice_given", 1),
    ]


@pytest.mark.asyncio
@pytest.mark.parametrize("change", [{"level": "huge"}, {"outcome": "x"}, {"language": "de"}, {"minutes": 601},
                                    {"occurred_at": utcnow() + timedelta(days=1)},
                                    {"occurred_at": utcnow() - timedelta(days=60)}])
async def test_phone_contact_refuses_bad_values(sessionmaker, change) -> None:
    values = {"level": "urgent", "outcome": "advice_given", "language": "fi", **change}
    async with sessionmaker.begin() as session:
        with pytest.raises(Invalid):
            await contacts.log_phone_contact(session, counsellor_id=None, **values)


def test_canned_replies_exist_in_every_language() -> None:
    replies = canned.load()
    assert len(replies) >= 5 and all(set(r["text"]) == {"fi", "sv", "en"} for r in replies)
    assert canned.for_language("sv")[0]["text"].startswith("Hej") and canned.for_language("xx") == canned.for_language("fi")


def test_a_canned_reply_without_a_translation_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "canned.yml"
    broken.write_text("replies:\n  - id: a\n    text: {fi: Hei, sv: Hej}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lacks en"):
        canned.load(broken)


def test_intake_is_rendered_generically_and_escaped() -> None:
    html = render({"municipality": "Lahti", "need_areas": ["housing", "money_and_debts"],
                   "consent": {"pass_to_counsellor": True}, "new_field": "<b>x</b>"})
    assert "<dt>Kunta</dt><dd>Lahti</dd>" in html and "housing, money_and_debts" in html
    assert "<dt>Tiedot ohjaajalle</dt><dd>kyllä</dd>" in html
    assert "<dt>New field</dt><dd>&lt;b&gt;x&lt;/b&gt;</dd>" in html
    assert "Ei kirjattu" in render(None)
