"""benchmarks/hub_load.py at a tiny N, so that the script cannot rot.

The real run needs Rasa with the trained model (minutes to start); here the
bot's private channel is the documented stand-in (`tests.handoff.chathub.FakeBot`),
given with the script's `--bot-url`. Everything else is as measured: the hub
as a process, socket.io residents, a handoff that a logged-in counsellor
claims, answers and hands back, the lost-message count from the database, and
the section written into a copy of docs/benchmarks.md, replacing only its own.
"""
from __future__ import annotations

import asyncio

import pytest

from benchmarks import hub_load
from tests.handoff.chathub import BOT_TOKEN, FakeBot

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]


def _reply(text: str) -> list[dict]:
    if text == hub_load.EMERGENCY:
        return [{"text": "Soita 112."}, {"custom": {"neuvo": {
            "event": "handoff", "level": "emergency", "markers": ["suicidal_ideation"], "reason": "triage",
            "language": "fi", "intake": None, "callback": None}}}]
    return [{"text": f"Vastaus: {text}"}]


async def test_the_benchmark_runs_at_tiny_n_and_writes_its_own_section(tmp_path):
    bot = FakeBot()
    bot.reply = _reply
    await bot.start()
    docs = tmp_path / "benchmarks.md"
    docs.write_text("# Benchmarks\n\nIntro.\n\n## NLU (benchmarks/nlu.py)\n\nkept\n\n"
                    f"## {hub_load.SECTION_TITLE}\n\nold figures\n", encoding="utf-8")
    try:
        results = await asyncio.get_running_loop().run_in_executor(None, lambda: hub_load.main(
            ["--residents", "10", "--messages", "2", "--think", "0.1", "--timeout", "60", "--rounds", "2",
             "--bot-url", bot.url, "--token", BOT_TOKEN, "--write"], docs=docs))
    finally:
        await bot.stop()
    row = results["10 @ 0.1 s, SQLite"]
    hub, direct = row["hub"], row["direct"]
    # Two rounds: hub phases pooled, each between two direct phases (three in all).
    assert (hub["sent"], hub["answered"], hub["lost"], hub["errors"]) == (40, 40, 0, {})
    assert (hub["handoffs"], hub["counsellor_answers"]) == (2, 2)  # the tenth resident, answered by a person
    assert direct["sent"] == 60 and direct["errors"] == {} and hub["peak_rss_mb"] > 0
    assert len(row["rounds"]) == 2 and all(r["overhead_p50"] is not None for r in row["rounds"])
    # The direct phases hand back as the counsellors do, so the bot's work is the same in both.
    direct_handbacks = [c for c in bot.calls if c.get("event") == "handback" and c["sender"].startswith("direct-")]
    hub_handbacks = [c for c in bot.calls if c.get("event") == "handback" and not c["sender"].startswith("direct-")]
    assert len(direct_handbacks) == 3 and len(hub_handbacks) == 2
    text = docs.read_text(encoding="utf-8")
    assert "kept" in text and "old figures" not in text and text.count(hub_load.SECTION_TITLE) == 1
    assert "| 10 | 0.1 s | SQLite |" in text and "--residents 10 --think 0.1 --rounds 2 --write" in text
    assert hub["client_cpu_ms_per_message"] > 0 and direct["client_cpu_ms_per_message"] > 0
