"""The topic pages through real HTTP: browse, edit an answer, its metadata and examples, then publish.

The publisher is the real HTTP API on a copy of the content (training and
evaluation replaced, conftest.py). Every edit must stay a pending change
until the publish; validation messages are Finnish.
"""
from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from bot.content import ContentPaths, load_topics, set_metadata
from handoff.models import AuditLog
from tests.handoff.editor.conftest import PUBLISHER_TOKEN
from tests.handoff.liveserver import add_user, hub_settings, login, running_hub

pytestmark = pytest.mark.asyncio

NEW_ANSWER = "Asumisneuvoja auttaa vuokrarästeissä. Soita {org_polku_phone}."


async def _wait_published(editor, publisher) -> dict:
    job_id = publisher.store.jobs()[-1]["id"]
    for _ in range(100):
        job = (await editor.get(f"/editor/api/jobs/{job_id}")).json()
        if job["state"] in ("published", "rejected", "failed"):
            return job
        await asyncio.sleep(0.1)
    raise AssertionError(job)


async def test_editing_a_topic_makes_pending_changes_published_only_by_a_publish(
        database_url, sessionmaker, publisher_url) -> None:
    url, publisher = publisher_url
    root = publisher.root
    set_metadata("debt_advice", review_by="2020-01-31", content=ContentPaths.under(root))  # overdue
    answers_file = root / "bot/domain/topics/housing/answers.yml"
    live_before = answers_file.read_text(encoding="utf-8")
    settings = hub_settings(database_url, publisher_url=url, publisher_token=PUBLISHER_TOKEN)
    async with running_hub(settings) as (base_url, _app):
        counsellor = await login(base_url, await add_user(sessionmaker, "counsellor"))
        assert (await counsellor.get("/editor/topics")).status_code == 403
        assert (await counsellor.get("/editor/topics/housing")).status_code == 403
        editor = await login(base_url, await add_user(sessionmaker, "editor", name="eila"))

        listed = await editor.get("/editor/topics")
        assert listed.status_code == 200 and listed.headers["cache-control"] == "no-store"
        due, everything = listed.text.split("Kaikki aiheet", 1)
        assert "Tarkistettavat vastaukset" in due and "debt_advice" in due and "2020-01-31" in due
        assert 'href="/editor/topics/housing"' in everything and "ask_housing" in everything

        page = await editor.get("/editor/topics/housing")
        assert page.status_code == 200 and 'src="/console/static/topics.js"' in page.text
        fi_form = page.text.split('id="answer-fi"', 1)[1].split("</section>", 1)[0]
        assert "{org_" in fi_form.split("</textarea>", 1)[0]  # the editor edits the placeholders
        assert "{org_" not in fi_form.split('class="preview"', 1)[1]  # the resident sees the facts
        assert (await editor.get("/editor/topics/nope")).status_code == 404
        assert (await editor.get("/editor/topics/..%2Fstatus")).status_code == 404

        async def post(path: str, **data: str):
            return await editor.post(f"/editor/topics/housing/{path}", data={**data, "csrf_token": editor.csrf})

        assert (await editor.post("/editor/topics/housing/answer",
                                  data={"language": "fi", "text": NEW_ANSWER})).status_code == 403  # no CSRF
        empty = await post("answer", language="fi", text="   ")
        assert empty.status_code == 400 and "Vastaus ei voi olla tyhjä" in empty.text
        too_long = await post("answer", language="fi", text="Pitkä vastaus. " * 60)
        assert too_long.status_code == 400 and "liian pitkä chat-kuplaan" in too_long.text
        saved = await post("answer", language="fi", text=NEW_ANSWER)
        assert saved.status_code == 303 and saved.headers["location"].endswith("?tallennettu=1")

        existing = load_topics(root / "bot/domain/topics")["housing"].examples[0].text
        duplicate = await post("examples/add", text=existing.upper())
        assert duplicate.status_code == 400 and "Sama esimerkki on jo tässä aiheessa" in duplicate.text
        elsewhere = load_topics(root / "bot/domain/topics")["debt_advice"].examples[0].text
        other = await post("examples/add", text=elsewhere)
        assert other.status_code == 400 and "Sama esimerkki on jo aiheessa ask_debt_advice" in other.text
        assert (await post("examples/add", text="vuokranantaja ei korjaa homevauriota")).status_code == 303
        assert (await post("examples/remove", text=existing)).status_code == 303
        bad_date = await post("metadata", owner="Asumisneuvonta", source="Asumisneuvontalaki", review_by="ensi vuonna")
        assert bad_date.status_code == 400 and "Tarkistuspäivä" in bad_date.text
        missing = await post("metadata", owner="", source="x", review_by="2027-06-30")
        assert missing.status_code == 400 and "tarvitaan kaikki" in missing.text
        assert (await post("metadata", owner="Asumisneuvonta", source="Asumisneuvontalaki",
                           review_by="2027-06-30")).status_code == 303

        assert [c["kind"] for c in publisher.store.pending()] == [
            "set_answer", "add_example", "remove_example", "set_metadata"]
        assert answers_file.read_text(encoding="utf-8") == live_before  # nothing live before a publish
        page = await editor.get("/editor/topics/housing?tallennettu=1")
        assert "Julkaisua odottavat muutokset" in page.text and "Muutos tallennettu" in page.text
        publish_page = await editor.get("/editor/publish")
        assert "vastaus (fi)" in publish_page.text and "vastauksen tiedot" in publish_page.text

        assert (await editor.post("/editor/publish", data={"csrf_token": editor.csrf})).status_code == 303
        job = await _wait_published(editor, publisher)
        assert job["state"] == "published", job
        topic = load_topics(root / "bot/domain/topics")["housing"]
        assert topic.answer.text("fi") == NEW_ANSWER
        assert topic.metadata[topic.answer_name].review_by == "2027-06-30"
        texts = [x.text for x in topic.examples]
        assert "vuokranantaja ei korjaa homevauriota" in texts and existing not in texts
    async with sessionmaker() as session:
        audited = [(a.action, a.target, a.details) for a in await session.scalars(select(AuditLog))]
    changes = [a for a in audited if a[0] == "content.change"]
    assert len(changes) == 4 and all(target == "topic:housing" for _a, target, _d in changes)
    assert not any(NEW_ANSWER in str(details) for _a, _t, details in audited)  # ids and kinds, never texts


async def test_topic_pages_with_the_publisher_down(database_url, sessionmaker) -> None:
    from tests.handoff.liveserver import free_port

    settings = hub_settings(database_url, publisher_url=f"http://127.0.0.1:{free_port()}",
                            publisher_token=PUBLISHER_TOKEN)
    async with running_hub(settings) as (base_url, _app):
        editor = await login(base_url, await add_user(sessionmaker, "editor"))
        assert (await editor.get("/editor/topics")).status_code == 503
        saved = await editor.post("/editor/topics/housing/answer",
                                  data={"language": "fi", "text": "Uusi", "csrf_token": editor.csrf})
        assert saved.status_code == 503 and "Julkaisupalvelu ei vastaa" in saved.text
