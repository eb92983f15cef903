"""The editor tools in Debian's chromium (Playwright, never `playwright install`).

An editor logs in, finds a resident's wording in the inbox (an HTML/script
sentinel that must render as text), adds it as an example, publishes, and
watches the progress until the page shows the published version with its
before/after figures; the page's script runs under the CSP ('self' only)
with no CSP or script errors. With NEUVO_SCREENSHOTS=1 it refreshes
docs/screenshots/editor-publish.png.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright import async_api as playwright_api

from handoff.editor.inbox import NluOutcome, capture
from tests.handoff.editor import conftest as editor_fixtures
from tests.handoff.editor.conftest import PUBLISHER_TOKEN
from tests.handoff.liveserver import add_user, browser_login, hub_settings, running_hub
from tests.handoff.prerequisites import CHROMIUM

DOC_SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
HOSTILE = 'vuokra <img src=x onerror="window.__pwned=1"> rästit <script>window.__pwned=2</script> apua'

pytestmark = [pytest.mark.asyncio, pytest.mark.usefixtures("chromium")]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_editor_adds_an_inbox_message_and_publishes_in_the_browser(
        sessionmaker, database_url, publisher_url, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(editor_fixtures, "TRAINING_SECONDS", 4.0)  # long enough to see the progress polled
    shots = DOC_SCREENSHOTS if os.environ.get("NEUVO_SCREENSHOTS") else tmp_path
    name = await add_user(sessionmaker, "editor", "eila")
    async with sessionmaker.begin() as session:
        await capture(session, text=HOSTILE, language="fi",
                      outcome=NluOutcome(intent="ask_debt_advice", confidence=0.27, fallback=True))
    settings = hub_settings(database_url, publisher_url=publisher_url[0], publisher_token=PUBLISHER_TOKEN)
    async with running_hub(settings) as (url, _app):
        async with playwright_api.async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = await browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            failed: list[str] = []  # our own requests (the browser's favicon probe is not one)
            page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
            await browser_login(page, url, name)
            await page.click("text=Saapuneet")
            row = page.locator("table tbody tr").first
            assert "<script>" in await row.inner_text()  # shown as text, never run
            await row.locator("select").select_option("ask_housing")
            await row.locator("text=Lisää esimerkiksi").click()
            await page.wait_for_selector("text=Ei uusia viestejä.")

            await page.click("text=Julkaisu")
            assert "<script>" in await page.locator("table", has_text="uusi esimerkki").inner_text()
            await page.click("text=Julkaise muutokset")
            await page.wait_for_selector("section.job[data-state=training], section.job[data-state=queued]")
            await page.wait_for_selector("text=Käytössä versio 1", timeout=30000)  # reloaded by the script
            assert await page.locator("section.job .job-state").first.inner_text() == "julkaistu"
            figures = await page.locator("section.job table").first.inner_text()
            assert "0.950" in figures and "0.951" in figures
            shots.mkdir(parents=True, exist_ok=True)
            await page.screenshot(path=str(shots / "editor-publish.png"), full_page=True)
            assert await page.evaluate("window.__pwned") is None
            assert not [e for e in errors if "Content Security Policy" in e or "Uncaught" in e], errors
            assert failed == []
            await browser.close()
