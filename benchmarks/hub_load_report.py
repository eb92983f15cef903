"""The report of `benchmarks/hub_load.py`: its section of docs/benchmarks.md, and only that one."""
from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path
from typing import Any

SECTION_TITLE = "Hub load (benchmarks/hub_load.py)"


def load_average() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def _spread(row: dict[str, Any]) -> str:
    """The overhead of each round against its own two direct phases: lowest … highest, p50 / p95."""
    rounds = row.get("rounds") or []
    if len(rounds) < 2:
        return "one round"
    p50 = sorted(100 * r["overhead_p50"] for r in rounds)
    p95 = sorted(100 * r["overhead_p95"] for r in rounds)
    return f"{len(rounds)}: {p50[0]:+.0f} … {p50[-1]:+.0f} % / {p95[0]:+.0f} … {p95[-1]:+.0f} %"


def section(results: dict[str, Any], model: Path, model_current: bool, args: argparse.Namespace,
            load_before: str, load_after: str) -> str:
    rows = []
    residents = " ".join(dict.fromkeys(str(r["residents"]) for r in results.values()))
    thinks = " ".join(dict.fromkeys(f"{r['think']:g}" for r in results.values()))
    for r in results.values():
        d, h = r["direct"], r["hub"]
        errors = sum(h["errors"].values())
        rows.append(
            f"| {r['residents']} | {r['think']:g} s | {r['database']} | {h['p50_ms']:.0f} / {h['p95_ms']:.0f} | "
            f"{d['p50_ms']:.0f} / {d['p95_ms']:.0f} | "
            f"**{100 * r['overhead_p50']:+.0f} %** / {100 * r['overhead_p95']:+.0f} % | {_spread(r)} | "
            f"{h['sent']} | **{h['lost']}** | "
            f"{errors}{' ' + json.dumps(h['errors']) if errors else ''} | {h['handoffs']} / {h['counsellor_answers']} | "
            f"{h['hub_cpu_ms_per_message']:.1f} ms | {h['client_cpu_ms_per_message']:.1f} / "
            f"{d['client_cpu_ms_per_message']:.1f} ms | {h['peak_rss_mb']:.0f} MB | {h['wall_seconds']:.0f} s |")
    return (
        f"## {SECTION_TITLE}\n\n"
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} cores "
        f"(load average before {load_before}, after {load_after}; {platform.python_version()}), loopback, "
        f"a fresh hub database per row. Model `{model.name}`"
        f"{'' if model_current else ' (the newest in models/, not trained on the current tree)'}. "
        f"Residents arrive evenly over one think time (a steady load, not a burst); each sends "
        f"{args.messages} messages, each *think* seconds after the reply to the last; "
        "every tenth writes "
        "an emergency second, is handed off, and a counsellor (console API) claims, answers and hands back. "
        "*direct* is the same load posted straight to Rasa's private hub channel in the same run, with the "
        "hand-back events the counsellors cause (so the bot does the same work), before and after every hub "
        "phase; a row's phases are pooled, and *rounds* gives each hub phase's overhead against the direct "
        "phases on both its sides (lowest … highest). "
        "Latency is send → the bot's first reply (ms, p50 / p95); overhead is hub latency / direct latency − 1; "
        "hub CPU is the hub process's user + system time during the phase per resident message (log-ins, "
        "console polls and handoffs included), which a shared machine distorts less than latency; client CPU is "
        "the load generator's own (hub phase / direct phase), all residents in one Python process on uvloop.\n\n"
        "| residents | think | hub database | hub p50 / p95 | direct p50 / p95 | hub overhead p50 / p95 | rounds | "
        "messages | lost | errors | handoffs / answered | hub CPU per message | client CPU per message | hub peak RSS | wall |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
        + "\n".join(rows) + "\n\n"
        f"Rerun: `.venv-hub/bin/python -m benchmarks.hub_load --residents {residents} --think {thinks}"
        f"{f' --rounds {args.rounds}' if args.rounds > 1 else ''}"
        f"{' --database sqlite URL' if any(r['database'] != 'SQLite' for r in results.values()) else ''} --write` "
        "(starts Rasa and the action server with the model, then a fresh hub per N).\n"
    )


