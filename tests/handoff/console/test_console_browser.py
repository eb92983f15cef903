"""The console in Debian's chromium (Playwright, never `playwright install`).

A counsellor logs in, sees an emergency arrive in the live queue (visual
alert), claims it, reads the intake, replies with a canned reply, writes a
note and closes with an outcome. Resident text shown in the transcript is an
HTML/script sentinel that must render as text. With NEUVO_SCREENSHOTS=1 it
refreshes docs/screenshots/console.png and console-queue.png for the README.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright import async_api as playwright_api

from handoff.messages import messages_after
from handoff.models import Handoff
from tests.handoff.prerequisites import CHROMIUM
from tests.handoff.liveserver import add_user, browser_login, hub_settings, running_hub, waiting_conversation

DOC_SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
HOSTILE = '<img src=x onerror="window.__pwned=1">Minut häädetään huomenna <script>window.__pwned=2</script>'

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.usefixtures("chromium"),
]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_counsellor_claims_replies_and_closes_in_the_browser(sessionmaker, database_url, tmp_path) -> None:
    shots = DOC_SCREENSHOTS if os.environ.get("NEUVO_SCREENSHOTS") else tmp_path
    name = await add_user(sessionmaker, "counsellor", "sanna")
    await waiting_conversation(sessionmaker, level="support", text="Kysyisin toimeentulotuesta",
                               markers=["income_question"])
    async with running_hub(hub_settings(database_url)) as (url, _app):
        async with playwright_api.async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = await browser.new_page(viewport={"width": 1280, "height": 860})
            errors: list[str] = []
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            await browser_login(page, url, name)
            await page.wait_for_selector("#queue tbody tr")
            await page.click(".presence button")
            await page.wait_for_selector("#presence-state.on")

            conversation_id, handoff_id = await waiting_conversation(
                sessionmaker, level="emergency", text=HOSTILE, markers=["threat_of_violence", "children_at_risk"],
                intake={"topic": "asuminen", "municipality": "Lahti", "summary": "Häätö huomenna, lapsia"})
            await page.wait_for_selector("#alert:not([hidden])", timeout=15000)
            first_row = page.locator("#queue tbody tr").first
            assert "Hätä" in await first_row.inner_text()
            assert "threat of violence" in await first_row.inner_text()
            shots.mkdir(parents=True, exist_ok=True)
            await page.screenshot(path=str(shots / "console-queue.png"))

            await first_row.locator("button").click()
            await page.wait_for_url(f"**/console/conversations/{conversation_id}")
            transcript = page.locator("#transcript")
            assert "<script>" in await transcript.inner_text()  # shown as text ...
            assert await page.evaluate("window.__pwned") is None  # ... never run
            assert "Lahti" in await page.locator("dl.intake").inner_text()

            await page.click("#canned button >> text=Tervehdys")
            await page.click("#composer button[type=submit]")
            await page.wait_for_selector("#transcript li.sender-counsellor", timeout=10000)
            await page.fill("#note", "Soitettu myös puhelimella")
            await page.click("form[action$='/notes'] button")
            await page.wait_for_selector(".notes li")
            await page.screenshot(path=str(shots / "console.png"), full_page=True)

            assert not await page.locator("#callback-fields").is_visible()  # only for a scheduled callback
            await page.select_option("#outcome", "callback_scheduled")
            assert await page.locator("#cb_phone").is_visible()
            await page.select_option("#outcome", "referral_made")
            assert not await page.locator("#callback-fields").is_visible()
            await page.check("input[name=then][value=end]")
            await page.click("form.close button")
            await page.wait_for_url(f"{url}/console/")
            await browser.close()
    assert not [e for e in errors if "Content Security Policy" in e], errors
    async with sessionmaker() as session:
        handoff = await session.get(Handoff, handoff_id)
        messages = await messages_after(session, conversation_id=conversation_id)
    assert (handoff.status, handoff.outcome) == ("closed", "referral_made")
    assert any(m.sender == "counsellor" and m.text.startswith("Hei, olen sosiaaliohjaaja") for m in messages)
