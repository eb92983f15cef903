"""Resident and counsellor in Debian's chromium on the hub as served (uvicorn + socket.io).

The resident writes an urgent message and asks for a person (a scripted bot
hands off); the counsellor logs in, sees it in the queue, claims it, replies;
the resident sees the reply and answers; the counsellor sees the answer and
closes. No real Rasa: the bot's private channel is a stand-in (FakeBot).
"""
from __future__ import annotations


import pytest
import pytest_asyncio
from playwright import async_api as playwright_api
from sqlalchemy import select

from handoff.models import Handoff
from tests.handoff.prerequisites import CHROMIUM
from tests.handoff.chathub import ALWAYS_OPEN, FakeBot, chat_settings, running_chat_hub, wait_until
from tests.handoff.liveserver import add_user, browser_login

URGENT = "Minut häädetään huomenna enkä tiedä minne mennä. Haluan puhua ihmisen kanssa."
HANDOFF = {"custom": {"neuvo": {"event": "handoff", "level": "urgent", "markers": ["eviction_soon"],
                                "reason": "triage", "language": "fi", "intake": {"municipality": "Lahti"},
                                "callback": None}}}

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.usefixtures("chromium"),
]


@pytest_asyncio.fixture
async def handing_off_bot():
    bot = FakeBot()
    bot.reply = lambda text: ([{"text": "Välitän sinut sosiaaliohjaajalle."}, HANDOFF] if "ihmisen" in text
                              else [{"text": "Kerro lisää."}])
    await bot.start()
    yield bot
    await bot.stop()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_resident_and_counsellor_see_each_other_in_the_browser(
        database_url, sessionmaker, handing_off_bot, tmp_path) -> None:
    name = await add_user(sessionmaker, "counsellor", "sanna")
    organisation = tmp_path / "organisation.yml"
    organisation.write_text(ALWAYS_OPEN, encoding="utf-8")
    async with running_chat_hub(chat_settings(database_url, handing_off_bot.url, organisation)) as (url, _app):
        async with playwright_api.async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            resident = await (await browser.new_context(locale="fi-FI")).new_page()
            console = await (await browser.new_context()).new_page()
            errors: list[str] = []
            for page in (resident, console):
                page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

            await browser_login(console, url, name)
            await console.click(".presence button")
            await console.wait_for_selector("#presence-state.on")

            await resident.goto(f"{url}/chat/")
            await wait_until(resident, "sessionStorage.getItem('neuvo.chat') !== null")
            await resident.fill("#message", URGENT)
            await resident.keyboard.press("Enter")
            await resident.wait_for_selector("#log li.msg.system", timeout=20000)  # queue position told

            row = console.locator("#queue tbody tr").first
            await row.wait_for(timeout=20000)
            assert "Kiireellinen" in await row.inner_text() and "eviction soon" in await row.inner_text()
            await row.locator("button").click()
            await console.wait_for_selector("#composer")
            assert "häädetään huomenna" in await console.locator("#transcript").inner_text()
            await console.fill("#reply", "Hei, olen Sanna. Katsotaan yhdessä.")
            await console.click("#composer button[type=submit]")

            await resident.wait_for_selector("#log li.msg >> text=Hei, olen Sanna. Katsotaan yhdessä.",
                                             timeout=20000)
            await resident.fill("#message", "Kiitos! Minulla on kaksi lasta.")
            await resident.keyboard.press("Enter")
            await console.wait_for_selector("#transcript li.sender-resident >> text=Minulla on kaksi lasta",
                                            timeout=20000)

            await console.select_option("#outcome", "assessment_started")
            await console.check("input[name=then][value=bot]")
            await console.click("form.close button")
            await console.wait_for_url(f"{url}/console/")
            await wait_until(resident, "document.querySelectorAll('#log li.msg.system').length >= 3", 20)
            await browser.close()
    assert not [e for e in errors if "Content Security Policy" in e], errors
    async with sessionmaker() as session:
        handoff = await session.scalar(select(Handoff))
    assert (handoff.status, handoff.outcome) == ("closed", "assessment_started")
    assert any(call.get("event") == "handback" for call in handing_off_bot.calls)
