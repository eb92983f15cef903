"""Load on the hub: N residents over socket.io while counsellors answer handed-off ones.

Run in the hub's environment, on loopback, with the real bot (Rasa + action
server with the trained model, started as `neuvo run` starts them):

    .venv-hub/bin/python -m benchmarks.hub_load --residents 50 200 --write

For each N, two kinds of phase under the same offered load (each resident:
M messages with a think time between them):
1. **direct**: N senders post the same messages straight to Rasa's private
   hub channel (`/webhooks/neuvo_hub/webhook`, what the hub itself calls),
   and the hand-back events the counsellors cause in the hub phase;
2. **hub**: a fresh hub process (`python -m handoff serve`, fresh database)
   and N socket.io residents (`benchmarks.hubsim.SimResident`, as chat.js);
   every tenth resident writes an emergency as its second message, the bot
   hands off, and logged-in counsellors (console API, polling as queue.js)
   claim, answer and hand back.
The phases alternate, direct first and last (`--rounds` hub phases), because
the bot's own latency drifts on a shared machine; each kind is pooled.

Reported: round-trip latency p50/p95 (send to first reply), messages lost
(acknowledged but not stored exactly once, or never acknowledged: must be 0),
errors (timeouts, `neuvo_error`, console HTTP errors), the hub's overhead as
the ratio of hub to direct latency, and the hub's peak RSS (VmHWM). Bounded:
M messages per resident and `--timeout` seconds per phase. The load generator
runs on uvloop, as the hub does: its clients share the cores with the bot.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import subprocess
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import httpx

from benchmarks.hub_load_report import SECTION_TITLE, load_average, section  # noqa: F401
from benchmarks.report import publish
from benchmarks.hubsim import ROOT, HubProcess, SimResident
from benchmarks.hubsim_console import ANSWER_SECONDS, QUEUE_POLL_SECONDS, add_counsellors, counsellor, login

QUESTIONS = [
    "Miten haen toimeentulotukea?",
    "Minulla on vuokrarästejä, mistä saan apua?",
    "Mitä on sosiaaliohjaus?",
    "Kiitos tiedosta",
]
EMERGENCY = "En jaksa enää elää, aion tappaa itseni tänä yönä"
ALWAYS_OPEN = """
service_hours:
  timezone: Europe/Helsinki
  weekly: {mon: ["00:00-23:59"], tue: ["00:00-23:59"], wed: ["00:00-23:59"], thu: ["00:00-23:59"],
           fri: ["00:00-23:59"], sat: ["00:00-23:59"], sun: ["00:00-23:59"]}
"""


@dataclass
class PhaseResult:
    latencies: list[float] = field(default_factory=list)
    sent: int = 0
    errors: Counter = field(default_factory=Counter)
    lost: int = 0
    handoffs: int = 0
    counsellor_answers: int = 0
    wall_seconds: float = 0.0
    peak_rss_mb: float = 0.0
    hub_cpu_seconds: float = 0.0
    # The load generator's own CPU (this process): if it nears a core, its clients add latency of their own.
    client_cpu_seconds: float = 0.0

    def merge(self, other: "PhaseResult") -> None:
        """Pools another phase of the same kind (rounds of one row)."""
        self.latencies += other.latencies
        self.sent += other.sent
        self.errors.update(other.errors)
        self.lost += other.lost
        self.handoffs += other.handoffs
        self.counsellor_answers += other.counsellor_answers
        self.wall_seconds += other.wall_seconds
        self.peak_rss_mb = max(self.peak_rss_mb, other.peak_rss_mb)
        self.hub_cpu_seconds += other.hub_cpu_seconds
        self.client_cpu_seconds += other.client_cpu_seconds

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.latencies)
        return {
            "sent": self.sent, "answered": len(ordered), "lost": self.lost, "errors": dict(self.errors),
            "p50_ms": round(1000 * percentile(ordered, 0.50), 1), "p95_ms": round(1000 * percentile(ordered, 0.95), 1),
            "handoffs": self.handoffs, "counsellor_answers": self.counsellor_answers,
            "wall_seconds": round(self.wall_seconds, 1), "peak_rss_mb": round(self.peak_rss_mb, 1),
            "hub_cpu_ms_per_message": round(1000 * self.hub_cpu_seconds / self.sent, 1) if self.sent else 0.0,
            "client_cpu_ms_per_message": round(1000 * self.client_cpu_seconds / self.sent, 1) if self.sent else 0.0,
        }


def start_offset(index: int, n: int, think: float) -> float:
    """When resident `index` arrives: spread evenly over one think time, so the offered load is
    steady from the start (N residents all writing in the same second would measure a burst)."""
    return index * max(think, 1.0) / n


def percentile(ordered: list[float], q: float) -> float:
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def script(index: int, messages: int) -> list[str]:
    """The resident's messages: every tenth writes an emergency second (then waits for a person)."""
    texts = [QUESTIONS[(index + k) % len(QUESTIONS)] for k in range(messages)]
    if index % 10 == 9 and messages >= 2:
        texts = texts[:1] + [EMERGENCY]
    return texts


# ---------------------------------------------------------------- direct phase

async def direct_phase(rasa_url: str, token: str, n: int, messages: int, think: float, timeout: float,
                       run_id: str) -> PhaseResult:
    """The same load straight to Rasa's private channel: the bot's own latency."""
    result = PhaseResult()
    limits = httpx.Limits(max_connections=n + 10, max_keepalive_connections=n + 10)
    async with httpx.AsyncClient(base_url=rasa_url, headers={"Authorization": f"Bearer {token}"},
                                 timeout=timeout, limits=limits) as http:
        async def one(index: int) -> None:
            await asyncio.sleep(start_offset(index, n, think))  # the same arrivals as the hub phase
            for k, text in enumerate(script(index, messages)):
                result.sent += 1
                started = time.monotonic()
                try:
                    answer = await http.post("/webhooks/neuvo_hub/webhook", json={
                        "sender": f"direct-{run_id}-{n}-{index}", "message_id": f"m{k}", "text": text,
                        "metadata": {"language": "fi"}})
                except httpx.HTTPError as error:
                    result.errors[type(error).__name__] += 1
                    continue
                if answer.status_code != 200:
                    result.errors[f"status {answer.status_code}"] += 1
                    continue
                result.latencies.append(time.monotonic() - started)
                if text == EMERGENCY:
                    await hand_back_directly(http, f"direct-{run_id}-{n}-{index}", result)
                    return
                await asyncio.sleep(think)

        started, cpu_before = time.monotonic(), time.process_time()
        try:
            await asyncio.wait_for(asyncio.gather(*(one(i) for i in range(n))), timeout)
        except asyncio.TimeoutError:
            result.errors["phase timeout"] += 1
        result.wall_seconds = time.monotonic() - started
        result.client_cpu_seconds = time.process_time() - cpu_before
    return result


async def hand_back_directly(http: httpx.AsyncClient, sender: str, result: PhaseResult) -> None:
    """What the hub sends when a counsellor hands back, about when a counsellor would: the bot's
    work is then the same in both phases (a hand-back event costs Rasa a turn)."""
    await asyncio.sleep(QUEUE_POLL_SECONDS / 2 + ANSWER_SECONDS)
    try:
        answer = await http.post("/webhooks/neuvo_hub/webhook", json={
            "sender": sender, "message_id": "handback-1", "text": "", "event": "handback",
            "metadata": {"language": "fi"}})
        if answer.status_code != 200:
            result.errors[f"hand-back status {answer.status_code}"] += 1
    except httpx.HTTPError as error:
        result.errors[f"hand-back {type(error).__name__}"] += 1


# ---------------------------------------------------------------- hub phase

async def resident_conversation(resident: SimResident, texts: list[str], think: float, reply_timeout: float,
                                result: PhaseResult) -> None:
    try:
        await _converse(resident, texts, think, reply_timeout, result)
    finally:
        result.errors.update(resident.errors)
        told = sum(1 for m in resident.seen.values() if (m.get("neuvo") or {}).get("event") == "bot_unavailable")
        if told:
            result.errors["told bot unavailable"] += told


async def _converse(resident: SimResident, texts: list[str], think: float, reply_timeout: float,
                    result: PhaseResult) -> None:
    await resident.connect()
    for text in texts:
        client_id = await resident.send(text)
        result.sent += 1
        if not await resident.wait_for(lambda: client_id in resident.acked, reply_timeout):
            result.errors["no ack"] += 1
            continue
        seq = resident.acked[client_id]
        # The bot's own answer: a hub notice ("the assistant is unavailable") is not one.
        if not await resident.wait_for(lambda: any(m.get("sender") == "bot" for m in resident.replies_after(seq)),
                                       reply_timeout):
            result.errors["no reply"] += 1
            continue
        first = min(m["received_at"] for m in resident.replies_after(seq) if m.get("sender") == "bot"
                    and "received_at" in m)
        result.latencies.append(first - resident.sent_at[client_id])
        if text == EMERGENCY:
            result.handoffs += 1
            if not await resident.wait_for(lambda: any(m.get("sender") == "counsellor"
                                                       for m in resident.seen.values()), reply_timeout):
                result.errors["no counsellor"] += 1
            return
        await asyncio.sleep(think)


async def count_lost(database_url: str, residents: list[SimResident]) -> int:
    """Sent but never acknowledged, or acknowledged but not stored exactly once."""
    from sqlalchemy import func, select

    from handoff.db import make_engine, make_sessionmaker
    from handoff.models import Message

    engine = make_engine(database_url)
    async with make_sessionmaker(engine)() as session:
        stored = Counter(dict((await session.execute(
            select(Message.client_msg_id, func.count()).where(Message.sender == "resident")
            .group_by(Message.client_msg_id))).all()))
    await engine.dispose()
    lost = 0
    for resident in residents:
        lost += len(resident.pending)
        lost += sum(1 for client_id in resident.acked if stored.get(client_id) != 1)
    return lost


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def run_hub_phase(rasa_url: str, token: str, n: int, messages: int, think: float, timeout: float,
                        work: Path, database_url: Optional[str]) -> PhaseResult:
    result = PhaseResult()
    work.mkdir(parents=True, exist_ok=True)
    database_url = database_url or f"sqlite+aiosqlite:///{work / 'hub.db'}"
    organisation = work / "organisation.yml"
    base = (ROOT / "bot" / "organisation.yml").read_text(encoding="utf-8").split("\nservice_hours:")[0]
    organisation.write_text(base + "\n" + ALWAYS_OPEN, encoding="utf-8")
    hub = HubProcess(port=_free_port(), database_url=database_url, rasa_url=rasa_url, bot_token=token,
                     work_dir=work, organisation_file=organisation,
                     env={"NEUVO_HUB_NEW_CONVERSATIONS_PER_IP_PER_HOUR": str(10 * n + 100),
                          "NEUVO_HUB_MAX_QUEUE": str(n), "NEUVO_RASA_TIMEOUT": "60"})
    residents: list[SimResident] = []
    consoles: list[httpx.AsyncClient] = []
    stop = asyncio.Event()
    try:
        await hub.start_async()
        names = [f"ohjaaja-{work.name}-{i}" for i in range(max(2, n // 25))]  # unique in a reused database
        await add_counsellors(database_url, names)
        consoles = [await login(hub.url, name) for name in names]
        workers = [asyncio.create_task(counsellor(c, result, stop)) for c in consoles]
        # Names unique per phase: a reused PostgreSQL database must not count another run's messages.
        residents = [SimResident(hub.url, name=f"{work.parent.name}-{work.name}-r{i}") for i in range(n)]

        async def start_one(index: int) -> None:
            await asyncio.sleep(start_offset(index, n, think))
            await resident_conversation(residents[index], script(index, messages), think, timeout / 2, result)

        started, cpu_before, client_before = time.monotonic(), hub.cpu_seconds(), time.process_time()
        try:
            outcomes = await asyncio.wait_for(
                asyncio.gather(*(start_one(i) for i in range(n)), return_exceptions=True), timeout)
        except asyncio.TimeoutError:
            outcomes = [asyncio.TimeoutError("phase timeout")]
        result.wall_seconds = time.monotonic() - started
        result.hub_cpu_seconds = hub.cpu_seconds() - cpu_before
        result.client_cpu_seconds = time.process_time() - client_before
        for outcome in outcomes:
            if isinstance(outcome, BaseException):
                result.errors[type(outcome).__name__] += 1
        stop.set()
        await asyncio.gather(*workers)
        result.peak_rss_mb = hub.peak_rss_mb()
        result.lost = await count_lost(database_url, residents)
    finally:
        stop.set()
        await asyncio.gather(*(r.close() for r in residents))
        for client in consoles:
            await client.aclose()
        hub.stop()
    return result


# ---------------------------------------------------------------- running and reporting

def pick_model(explicit: Optional[str]) -> tuple[Path, bool]:
    """The model for the tree (as `neuvo test` trains it), else the newest one (reported as such)."""
    if explicit:
        return Path(explicit), True
    found = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-c",
         "from bot.training import current_model; print(current_model() or '')"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONWARNINGS": "ignore"},
    ).stdout.strip().splitlines()
    if found and found[-1] and Path(found[-1]).exists():
        return Path(found[-1]), True
    newest = max((ROOT / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime, default=None)
    if newest is None:
        raise SystemExit("no trained model: run `.venv/bin/neuvo train` first")
    return newest, False


def fast_loop() -> Optional[Callable[[], asyncio.AbstractEventLoop]]:
    """uvloop for the load generator, as the hub runs: its hundreds of clients share the bot's cores,
    and on asyncio's own loop their CPU (and their late timestamps) would be counted against the hub."""
    try:
        import uvloop
    except ImportError:  # pragma: no cover - uvloop comes with Sanic in the hub's environment
        return None
    return uvloop.new_event_loop


def overheads(hub: PhaseResult, directs: list[PhaseResult]) -> dict[str, Optional[float]]:
    """Hub latency / direct latency − 1 at p50 and p95, the direct phases pooled."""
    pooled = PhaseResult()
    for direct in directs:
        pooled.merge(direct)
    h, d = hub.summary(), pooled.summary()
    return {"overhead_p50": round(h["p50_ms"] / d["p50_ms"] - 1, 3) if d["p50_ms"] else None,
            "overhead_p95": round(h["p95_ms"] / d["p95_ms"] - 1, 3) if d["p95_ms"] else None}


def result_key(n: int, think: float, database: str) -> str:
    return f"{n} @ {think:g} s, {database_label(database)}"


def database_label(database: str) -> str:
    return "PostgreSQL" if database.startswith("postgresql") else "SQLite"


async def run(ns: list[int], messages: int, thinks: list[float], timeout: float, model: Path,
              databases: list[str], bot_url: Optional[str], token: Optional[str],
              rounds_per_row: int = 1) -> dict[str, Any]:
    from bot.services import BotProcesses

    run_id = secrets.token_hex(3)
    work = Path(tempfile.mkdtemp(prefix="hub-load-"))
    processes = None
    if bot_url is None:
        token = secrets.token_urlsafe(32)
        processes = BotProcesses(model=model, rasa_port=_free_port(), actions_port=_free_port(),
                                 log_dir=work / "bot", hub_token=token,
                                 python=str(ROOT / ".venv" / "bin" / "python"))
        await asyncio.get_running_loop().run_in_executor(None, processes.start, 600)
        bot_url = processes.rasa_url
    results: dict[str, Any] = {}
    try:
        await direct_phase(bot_url, token, 2, 1, 0.0, timeout, f"{run_id}-warm")  # load the pipeline once
        for database, think, n in ((d, t, n) for d in databases for t in thinks for n in ns):
            key = result_key(n, think, database)
            # direct, hub, direct, hub, ..., direct: the bot's latency drifts on a shared machine,
            # so every hub phase has a direct phase on both sides, and all are pooled.
            row = f"{run_id}-{len(results)}"  # Rasa de-duplicates by sender and message id: new senders a row
            print(f"{key}: direct ...", flush=True)
            before = await direct_phase(bot_url, token, n, messages, think, timeout, f"{row}d0")
            direct, hub, rounds = PhaseResult(), PhaseResult(), []
            direct.merge(before)
            for round_index in range(1, rounds_per_row + 1):
                print(f"{key}: hub, round {round_index} ...", flush=True)
                hub_round = await run_hub_phase(
                    bot_url, token, n, messages, think, timeout, work / f"hub-{len(results)}-{round_index}",
                    None if database == "sqlite" else database)
                print(f"{key}: direct ...", flush=True)
                after = await direct_phase(bot_url, token, n, messages, think, timeout, f"{row}d{round_index}")
                rounds.append(overheads(hub_round, [before, after]))
                hub.merge(hub_round)
                direct.merge(after)
                before = after
            d, h = direct.summary(), hub.summary()
            results[key] = {
                "residents": n, "think": think, "database": database_label(database), "direct": d, "hub": h,
                "rounds": rounds, **overheads(hub, [direct])}
            print(json.dumps({key: results[key]}), flush=True)
    finally:
        if processes is not None:
            processes.stop()
    return results


def main(argv: Optional[list[str]] = None, docs: Path = ROOT / "docs" / "benchmarks.md") -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--messages", type=int, default=3, help="messages per resident")
    parser.add_argument("--think", type=float, nargs="+", default=[15.0, 1.0],
                        help="seconds between a reply and the next message (several: a row each); 15 s is "
                             "a resident typing, 1 s offers far more than the bot answers")
    parser.add_argument("--rounds", type=int, default=1,
                        help="hub phases per row, each between two direct phases (all pooled)")
    parser.add_argument("--timeout", type=float, default=600, help="bound per phase, seconds")
    parser.add_argument("--model", help="model archive (default: the tree's, else the newest)")
    parser.add_argument("--database", nargs="+", default=["sqlite"],
                        help="hub databases, a row each: sqlite (a fresh file per row) and/or a "
                             "postgresql+asyncpg://... URL (reused: names are unique per row)")
    parser.add_argument("--bot-url", help=argparse.SUPPRESS)  # an already running Rasa (with --token)
    parser.add_argument("--token", help=argparse.SUPPRESS)
    parser.add_argument("--write", action="store_true", help="write the section into docs/benchmarks.md")
    args = parser.parse_args(argv)
    # --bot-url: a channel already running (the benchmark's own test uses a stand-in).
    model, current = (Path("(given bot)"), True) if args.bot_url else pick_model(args.model)
    load_before = load_average()
    results = asyncio.run(run(args.residents, args.messages, args.think, args.timeout, model, args.database,
                              args.bot_url, args.token, max(1, args.rounds)), loop_factory=fast_loop())
    publish(section(results, model, current, args, load_before, load_average()), args.write, docs)
    return results


if __name__ == "__main__":
    main()
