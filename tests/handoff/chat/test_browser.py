"""A resident in Debian's chromium (Playwright, never `playwright install`), real bot behind the hub.

Opens the chat, checks it with axe-core (WCAG 2.1 AA rules), sends messages
by keyboard, sees the bot's answer and its buttons, reloads and sees the same
history once, switches language, checks reflow at 320 px (200 % zoom), and
leaves quickly: the screen and the browser storage are cleared and the page
is a neutral one. With NEUVO_SCREENSHOTS=1 it refreshes docs/screenshots/chat-*.png.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from axe_playwright_python import async_playwright as axe_module
from playwright import async_api as playwright_api

from tests.handoff.prerequisites import CHROMIUM
from tests.handoff.chathub import ALWAYS_OPEN, chat_settings, running_chat_hub, wait_until

DOC_SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
HOUSING = "Minulla on vuokrarästejä ja vuokranantaja uhkaa häädöllä. Mistä saan asumisneuvontaa?"
HOSTILE = '<img src=x onerror="window.__pwned=1">Hei <script>window.__pwned=2</script>'
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
NEUTRAL = "https://www.google.fi/"

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.slow,
    pytest.mark.usefixtures("chromium"),
]


async def assert_accessible(page, where: str) -> None:
    results = await axe_module.Axe().run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    assert not violations, f"axe-core at {where}: " + "; ".join(
        f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_resident_chats_reloads_and_leaves_quickly(real_bot, database_url, sessionmaker, tmp_path):
    organisation = tmp_path / "organisation.yml"
    organisation.write_text(ALWAYS_OPEN, encoding="utf-8")
    shots = DOC_SCREENSHOTS if os.environ.get("NEUVO_SCREENSHOTS") else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    settings = chat_settings(database_url, real_bot.rasa_url, organisation, rasa_timeout_seconds=8.0)
    async with running_chat_hub(settings) as (url, _app):
        async with playwright_api.async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            context = await browser.new_context(viewport={"width": 390, "height": 844}, locale="fi-FI")
            await context.route(NEUTRAL + "**", lambda route: route.fulfill(
                status=200, content_type="text/html", body="<!doctype html><title>Haku</title><p>neutral</p>"))
            page = await context.new_page()
            errors: list[str] = []
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            await page.goto(f"{url}/chat/")
            await wait_until(page, "sessionStorage.getItem('neuvo.chat') !== null")
            assert await page.locator(".emergency").inner_text() == "Hätätilanteessa soita 112"
            assert await page.get_attribute("#privacy-link", "href") == "https://example.org/tietosuoja"
            await assert_accessible(page, "the empty chat")

            # Keyboard only: the skip link leads to the message box, Enter sends.
            await page.keyboard.press("Tab")
            await page.keyboard.press("Enter")
            assert await page.evaluate("document.activeElement.id") == "message"
            await page.keyboard.type("Hei")
            await page.keyboard.press("Enter")
            await page.wait_for_selector("#log li.msg.bot", timeout=30000)
            await page.wait_for_timeout(500)
            greeting = await page.locator("#log li.msg.bot").count()
            await page.keyboard.type(HOUSING)
            await page.keyboard.press("Enter")
            await wait_until(page, f"document.querySelectorAll('#log li.msg.bot').length > {greeting}", 30)
            button = page.locator("#log li.msg.bot .replies button").first
            await button.wait_for(timeout=30000)
            await page.screenshot(path=str(shots / "chat-phone.png"), full_page=True)
            await page.set_viewport_size({"width": 1280, "height": 900})
            await page.screenshot(path=str(shots / "chat-desktop.png"), full_page=True)
            await page.set_viewport_size({"width": 390, "height": 844})

            bots = await page.locator("#log li.msg.bot").count()
            await page.keyboard.type(HOSTILE)
            await page.keyboard.press("Enter")
            await wait_until(page, f"document.querySelectorAll('#log li.msg.bot').length > {bots}", 30)
            assert "<script>" in await page.locator("#log li.msg.resident").last.inner_text()  # text, not markup
            assert await page.evaluate("window.__pwned") is None
            await assert_accessible(page, "a conversation with buttons")

            before = await page.locator("#log li.msg").all_inner_texts()
            await page.reload()
            await wait_until(page, f"document.querySelectorAll('#log li.msg').length >= {len(before)}")
            await page.wait_for_timeout(500)
            assert await page.locator("#log li.msg").all_inner_texts() == before  # same history, once

            title = await button.inner_text()
            await page.locator("#log li.msg.bot .replies button").first.click()
            await page.wait_for_selector(f"#log li.msg.resident >> text={title}")
            await wait_until(page, f"document.querySelectorAll('#log li.msg').length > {len(before) + 1}", 30)

            await page.click("button[data-lang=sv]")
            assert await page.get_attribute("html", "lang") == "sv"
            assert await page.locator("#quick-exit").inner_text() == "Lämna snabbt"
            await page.set_viewport_size({"width": 320, "height": 700})  # 1280 px at 400 %, 640 px at 200 %
            assert await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            await assert_accessible(page, "Swedish at 320 px")

            await page.click("#quick-exit")
            await page.wait_for_url(NEUTRAL)
            await page.goto(f"{url}/chat/")
            await wait_until(page, "sessionStorage.getItem('neuvo.chat') !== null")
            assert await page.locator("#log li.msg").count() == 0  # nothing of the earlier chat comes back
            assert await page.get_attribute("html", "lang") == "fi"
            await browser.close()
    assert not [e for e in errors if "Content Security Policy" in e], errors
