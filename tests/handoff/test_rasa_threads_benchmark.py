"""benchmarks/rasa_threads.py against the bot's stand-in, so that the script cannot rot.

The real run starts Rasa three times (minutes each); here the measuring loop
and the report run against `tests.handoff.chathub.FakeBot`.
"""
from __future__ import annotations

import pytest

from benchmarks import rasa_threads
from benchmarks.report import write_section
from tests.handoff.chathub import BOT_TOKEN, FakeBot

pytestmark = pytest.mark.asyncio


async def test_measures_each_message_and_writes_its_own_section(tmp_path):
    bot = FakeBot()
    await bot.start()
    try:
        sequential = await rasa_threads.measure(bot.url, BOT_TOKEN, "seq", 1, 6)
        concurrent = await rasa_threads.measure(bot.url, BOT_TOKEN, "four", 4, 8)
    finally:
        await bot.stop()
    assert len(sequential) == 6 and len(concurrent) == 8 and all(t > 0 for t in sequential + concurrent)
    senders = {call["sender"] for call in bot.calls}
    assert {s for s in senders if s.startswith("four-")} == {f"four-{i}-0" for i in range(4)}
    row = {"sequential": rasa_threads._summary(sequential), "four at once": rasa_threads._summary(concurrent)}
    text = rasa_threads.section([("one thread", row)], tmp_path / "m.tar.gz", 6, "0.1", "0.2")
    docs = tmp_path / "benchmarks.md"
    docs.write_text(f"# Benchmarks\n\n## {rasa_threads.SECTION_TITLE}\n\nold\n\n## Other\n\nkept\n", encoding="utf-8")
    write_section(text, docs)
    written = docs.read_text(encoding="utf-8")
    assert "| one thread |" in written and "old" not in written and "kept" in written
