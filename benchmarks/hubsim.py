"""The hub as a real process, and simulated residents that behave like the chat page.

Shared by `benchmarks/hub_load.py` and the kill -9 test
(`tests/handoff/test_kill_restart.py`): both need `python -m handoff serve`
as production runs it (migrations, uvicorn, socket.io beside Sanic), not an
app inside the test's event loop, so that it can be killed and measured.

`SimResident` follows `handoff/chat/static/chat.js`: every message gets a
client id and stays pending until the hub acknowledges it; on every
(re)connect the client asks for its conversation by id and resends what is
still pending, so a retry is stored once (docs/handoff-protocol.md).
"""
from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any, Optional

import socketio

ROOT = Path(__file__).resolve().parent.parent
HUB_PYTHON = ROOT / ".venv-hub" / "bin" / "python"
_ids = itertools.count(1)


class HubProcess:
    """`python -m handoff serve` on a fixed port and database; start, SIGKILL, start again, stop."""

    def __init__(self, *, port: int, database_url: str, rasa_url: str, bot_token: str, work_dir: Path,
                 organisation_file: Optional[Path] = None, env: Optional[dict[str, str]] = None) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.work_dir = work_dir
        self.process: Optional[subprocess.Popen] = None
        self.starts = 0
        secrets_file = work_dir / "hub-secrets.env"
        secrets_file.write_text(f"NEUVO_HUB_SECRET_KEY={'k' * 48}\nNEUVO_HUB_BOT_TOKEN={bot_token}\n",
                                encoding="utf-8")
        self.env = {
            **os.environ, "NEUVO_ENV": "development", "NEUVO_HUB_SECRETS_FILE": str(secrets_file),
            "NEUVO_HUB_DATABASE_URL": database_url, "NEUVO_RASA_URL": rasa_url,
            "NEUVO_HUB_LOG_DIR": str(work_dir / "logs"), "PYTHONUNBUFFERED": "1", **(env or {}),
        }
        if organisation_file is not None:
            self.env["NEUVO_ORGANISATION_FILE"] = str(organisation_file)

    def start(self, timeout: float = 60) -> None:
        self.starts += 1
        log = open(self.work_dir / f"hub-stdout-{self.starts}.log", "wb")
        self.process = subprocess.Popen(
            [str(HUB_PYTHON if HUB_PYTHON.exists() else sys.executable), "-m", "handoff", "serve",
             "--port", str(self.port)],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"hub exited with {self.process.returncode}; see {self.work_dir}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as answer:
                    if answer.status == 200:
                        return
            time.sleep(0.1)
        raise TimeoutError(f"hub did not answer within {timeout:.0f} s")

    async def start_async(self, timeout: float = 60) -> None:
        await asyncio.get_running_loop().run_in_executor(None, self.start, timeout)

    def kill(self) -> None:
        """SIGKILL: no shutdown handler runs, exactly like a crash or the OOM killer."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()

    def cpu_seconds(self) -> float:
        """User + system CPU the process has used so far (a figure a busy machine distorts less than latency)."""
        if self.process is None:
            return 0.0
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return 0.0

    def peak_rss_mb(self) -> float:
        """The process's peak resident memory (VmHWM) so far."""
        if self.process is None:
            return 0.0
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return 0.0


class SimResident:
    """A resident's browser tab, as chat.js behaves: pending until acked, resent after reconnect."""

    def __init__(self, url: str, name: str = "") -> None:
        self.url = url
        self.name = name or f"r{next(_ids)}"
        self.sio = socketio.AsyncClient(reconnection=True, reconnection_delay=0.2, reconnection_delay_max=1.0,
                                        reconnection_attempts=0)
        self.session_id: Optional[str] = None
        self.pending: dict[str, str] = {}          # client id -> text, not yet acknowledged
        self.acked: dict[str, int] = {}            # client id -> seq
        self.sent_at: dict[str, float] = {}
        self.seen: dict[int, dict[str, Any]] = {}  # seq -> message (bot, counsellor, system)
        self.confirms = 0
        self.errors: list[str] = []
        self.changed = asyncio.Event()
        sio = self.sio
        sio.on("connect", self._on_connect)
        sio.on("session_confirm", self._on_confirm)
        sio.on("neuvo_ack", self._on_ack)
        sio.on("bot_uttered", self._on_message)
        sio.on("neuvo_history", self._on_history)
        sio.on("neuvo_error", self._on_error)

    async def connect(self) -> None:
        await self.sio.connect(self.url, transports=["websocket"], wait_timeout=10)
        await self.wait_for(lambda: self.session_id is not None, 15)

    async def _on_connect(self) -> None:
        await self._emit("session_request", {"session_id": self.session_id, "after_seq": 0})

    async def _on_confirm(self, session_id: Any) -> None:
        self.session_id = session_id.get("session_id") if isinstance(session_id, dict) else session_id
        self.confirms += 1
        for client_id in list(self.pending):
            await self._emit_message(client_id)
        self.changed.set()

    async def _on_ack(self, ack: dict[str, Any]) -> None:
        client_id = ack.get("client_msg_id")
        if client_id in self.pending:
            self.pending.pop(client_id)
            self.acked[client_id] = ack["seq"]
        self.changed.set()

    async def _on_message(self, message: dict[str, Any]) -> None:
        if isinstance(message, dict) and isinstance(message.get("seq"), int):
            message["received_at"] = time.monotonic()
            self.seen.setdefault(message["seq"], message)
        self.changed.set()

    async def _on_history(self, history: dict[str, Any]) -> None:
        for message in history.get("messages") or []:
            if message.get("sender") != "resident":
                await self._on_message(message)
        self.changed.set()

    async def _on_error(self, error: dict[str, Any]) -> None:
        self.errors.append(str(error.get("code")))
        self.changed.set()

    async def _emit(self, event: str, data: dict[str, Any]) -> bool:
        try:
            await self.sio.emit(event, data)
            return True
        except (socketio.exceptions.SocketIOError, ConnectionError, OSError):
            return False  # disconnected: resent at the next session_confirm

    async def _emit_message(self, client_id: str) -> None:
        if self.session_id is not None:
            await self._emit("user_uttered", {"message": self.pending[client_id], "session_id": self.session_id,
                                              "neuvo": {"client_msg_id": client_id}})

    async def send(self, text: str) -> str:
        """Queues the message (like typing and pressing Enter) and returns its client id."""
        client_id = f"{self.name}-{next(_ids)}"
        self.pending[client_id] = text
        self.sent_at[client_id] = time.monotonic()
        await self._emit_message(client_id)
        return client_id

    def replies_after(self, seq: int) -> list[dict[str, Any]]:
        return [m for s, m in sorted(self.seen.items()) if s > seq]

    async def wait_for(self, condition, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not condition():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self.changed.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.changed.wait(), min(remaining, 0.25))
        return True

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.sio.disconnect(), 3)
