"""Rasa's own latency with TensorFlow's thread pools as wide as the machine, and with one thread.

Why: `neuvo run` serves Rasa with one thread per pool (`bot.services.SERVING_THREADS`).
This measures that the choice costs the bot nothing on its own, one message at
a time and four at once; the hub load benchmark shows what it saves when the
hub shares the machine. Run in the hub's environment (it starts Rasa from .venv):

    .venv-hub/bin/python -m benchmarks.rasa_threads --write

Each setting gets a fresh Rasa and action server with the tree's model, a warm-up,
then `--messages` messages per round: sequential twice, then four senders at once.
The settings alternate (wide, one, wide) because the machine drifts.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import tempfile
import time
from pathlib import Path
from typing import Any, Optional

import httpx

from benchmarks.hub_load import QUESTIONS, _free_port, percentile, pick_model
from benchmarks.hub_load_report import load_average
from benchmarks.report import publish
from benchmarks.hubsim import ROOT
from bot.services import SERVING_THREADS, BotProcesses

SECTION_TITLE = "Rasa serving threads (benchmarks/rasa_threads.py)"
WIDE = {name: "0" for name in SERVING_THREADS}  # 0: TensorFlow decides (as wide as the machine)
SETTINGS = (("as wide as the machine", WIDE), ("one thread", SERVING_THREADS), ("as wide as the machine", WIDE))


async def measure(url: str, token: str, tag: str, senders: int, messages: int) -> list[float]:
    """`messages` messages over `senders` concurrent senders; each sender's next message waits for its reply."""
    latencies: list[float] = []
    async with httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as http:
        async def sender(index: int) -> None:
            for k in range(messages // senders):
                started = time.monotonic()
                answer = await http.post("/webhooks/neuvo_hub/webhook", json={
                    "sender": f"{tag}-{index}-{k // 3}", "message_id": f"m{k}", "text": QUESTIONS[k % len(QUESTIONS)],
                    "metadata": {"language": "fi"}})
                answer.raise_for_status()
                latencies.append(time.monotonic() - started)

        await asyncio.gather(*(sender(i) for i in range(senders)))
    return latencies


def run_setting(model: Path, env: dict[str, str], messages: int) -> dict[str, Any]:
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)  # the children inherit it; serving_env keeps what the operator set
    token = secrets.token_urlsafe(32)
    bot = BotProcesses(model=model, rasa_port=_free_port(), actions_port=_free_port(),
                       log_dir=Path(tempfile.mkdtemp(prefix="rasa-threads-")), hub_token=token,
                       python=str(ROOT / ".venv" / "bin" / "python"))
    try:
        bot.start(600)
        run_id = secrets.token_hex(3)
        asyncio.run(measure(bot.rasa_url, token, f"warm-{run_id}", 1, 8))
        sequential = asyncio.run(measure(bot.rasa_url, token, f"seq-{run_id}", 1, messages))
        sequential += asyncio.run(measure(bot.rasa_url, token, f"seq2-{run_id}", 1, messages))
        concurrent = asyncio.run(measure(bot.rasa_url, token, f"four-{run_id}", 4, messages))
    finally:
        bot.stop()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return {"sequential": _summary(sequential), "four at once": _summary(concurrent)}


def _summary(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)
    return {"n": len(ordered), "p50_ms": round(1000 * percentile(ordered, 0.5), 1),
            "p95_ms": round(1000 * percentile(ordered, 0.95), 1)}


def section(rows: list[tuple[str, dict[str, Any]]], model: Path, messages: int, load_before: str,
            load_after: str) -> str:
    lines = [
        f"## {SECTION_TITLE}\n",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} cores (load average "
        f"before {load_before}, after {load_after}), model `{model.name}`. A fresh Rasa and action server per "
        f"setting; {messages} messages sequentially, twice, then {messages} from four senders at once. Latency "
        "is the private hub channel's round trip (ms, p50 / p95). Nothing else runs: this is the bot alone.\n",
        "| TensorFlow threads per pool | sequential p50 / p95 | four at once p50 / p95 |",
        "|---|---|---|",
    ]
    for label, result in rows:
        s, c = result["sequential"], result["four at once"]
        lines.append(f"| {label} | {s['p50_ms']:.0f} / {s['p95_ms']:.0f} | {c['p50_ms']:.0f} / {c['p95_ms']:.0f} |")
    lines.append("\nRerun: `.venv-hub/bin/python -m benchmarks.rasa_threads --write`.\n")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None, docs: Path = ROOT / "docs" / "benchmarks.md") -> list:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=40, help="messages per round")
    parser.add_argument("--model", help="model archive (default: the tree's, else the newest)")
    parser.add_argument("--write", action="store_true", help="write the section into docs/benchmarks.md")
    args = parser.parse_args(argv)
    model, _ = pick_model(args.model)
    load_before = load_average()
    rows = []
    for label, env in SETTINGS:
        rows.append((label, run_setting(model, env, args.messages)))
        print(label, rows[-1][1], flush=True)
    publish(section(rows, model, args.messages, load_before, load_average()), args.write, docs)
    return rows


if __name__ == "__main__":
    main()
