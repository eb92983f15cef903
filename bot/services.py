"""Starts the action server and the Rasa server as child processes.

Why child processes: Rasa and rasa-sdk each run their own Sanic app and
event loop; separate processes also match production, where they are
separate services that talk over HTTP only.
"""
from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

from bot import paths

# The tracker database named in bot/endpoints.yml (relative to the project root).
TRACKER_DB = "var/rasa-tracker.db"
RASA_PORT = int(os.environ.get("NEUVO_RASA_PORT", 5005))
ACTIONS_PORT = int(os.environ.get("NEUVO_ACTIONS_PORT", 5055))


HUB_TOKEN_ENV = "NEUVO_HUB_BOT_TOKEN"
HUB_PYTHON = ".venv-hub/bin/python"
HUB_PORT = int(os.environ.get("NEUVO_HUB_PORT", 8080))
PUBLISHER_TOKEN_ENV = "NEUVO_PUBLISHER_TOKEN"
PUBLISHER_PORT = int(os.environ.get("NEUVO_PUBLISHER_PORT", 5056))


def _child_env(hub_token: Optional[str] = None, publisher_token: Optional[str] = None) -> dict:
    """The children's environment; Rasa reads the hub channel's token from it.

    credentials.yml refers to ${NEUVO_HUB_BOT_TOKEN}, and Rasa refuses to start
    when it is unset: without a hub, a random token keeps the channel closed.
    """
    env = dict(os.environ)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env.setdefault("PYTHONWARNINGS", "ignore")
    if hub_token:
        env[HUB_TOKEN_ENV] = hub_token
    elif not env.get(HUB_TOKEN_ENV):
        env[HUB_TOKEN_ENV] = secrets.token_urlsafe(48)
    if publisher_token:  # Rasa accepts model swaps with it, the hub calls the publisher with it
        env[PUBLISHER_TOKEN_ENV] = publisher_token
    return env


# TensorFlow's thread pools for a *serving* Rasa (training keeps TensorFlow's defaults). Wide
# pools answer one message alone only a few ms sooner, but stall whenever the hub, the action
# server or the database holds a core, which costs the residents more (docs/benchmarks.md, "Rasa
# serving threads" and "Hub load"). A busy bot scales by more Rasa processes, not threads.
SERVING_THREADS = {"TF_INTRA_OP_PARALLELISM_THREADS": "1", "TF_INTER_OP_PARALLELISM_THREADS": "1"}


def serving_env(env: dict) -> dict:
    """`env` for `rasa run`: the serving thread settings unless the operator set their own."""
    return {**SERVING_THREADS, **env}


def wait_for_http(url: str, timeout: float, process: Optional[subprocess.Popen] = None) -> None:
    """Polls `url` until it answers 200; fails early if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process for {url} exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


@dataclass
class BotProcesses:
    """The action server and the Rasa server, started and stopped together."""

    model: Path
    rasa_port: int = RASA_PORT
    actions_port: int = ACTIONS_PORT
    log_dir: Optional[Path] = None
    hub_token: Optional[str] = None
    publisher_token: Optional[str] = None
    # The bot environment's Python (the hub's tests start Rasa from .venv-hub).
    python: str = sys.executable
    children: List[subprocess.Popen] = field(default_factory=list)
    publisher_url: Optional[str] = None  # set by start_publisher; the hub is pointed at it

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        return f"http://127.0.0.1:{self.actions_port}"

    def _spawn(self, name: str, command: List[str], env: Optional[dict] = None) -> subprocess.Popen:
        """One child process, its output in `<log_dir>/<name>.log` when there is a log folder."""
        stdout = None
        if self.log_dir is not None:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            stdout = open(self.log_dir / f"{name}.log", "ab")
        child = subprocess.Popen(
            command, cwd=paths.PROJECT_ROOT, env=env or _child_env(self.hub_token, self.publisher_token),
            stdout=stdout, stderr=subprocess.STDOUT if stdout else None,
        )
        self.children.append(child)
        return child

    def start(self, timeout: float = 180) -> None:
        endpoints = self._endpoints_file()
        actions = self._spawn("actions", [self.python, "-m", "actions.server", "--port", str(self.actions_port)])
        rasa = self._spawn("rasa", [
            self.python, "-m", "rasa", "run",
            "--model", str(self.model),
            "--endpoints", str(endpoints),
            "--credentials", str(paths.CREDENTIALS_FILE),
            "--interface", "127.0.0.1", "--port", str(self.rasa_port),
        ], serving_env(_child_env(self.hub_token, self.publisher_token)))
        try:
            wait_for_http(f"{self.actions_url}/health", timeout, actions)
            wait_for_http(f"{self.rasa_url}/", timeout, rasa)
        except Exception:
            self.stop()
            raise

    def start_hub(self, port: int, timeout: float = 60) -> str:
        """Starts the hub (`python -m handoff serve` in .venv-hub) after Rasa; returns its URL.

        The hub migrates its database at start and reaches Rasa through the
        private channel with the same token this Rasa was given.
        """
        hub_python = paths.PROJECT_ROOT / HUB_PYTHON
        if not hub_python.exists():
            raise RuntimeError(f"{HUB_PYTHON} is missing: run scripts/bootstrap.sh first")
        env = _child_env(self.hub_token, self.publisher_token)
        env.setdefault("NEUVO_PUBLISHER_URL", self.publisher_url or f"http://127.0.0.1:{PUBLISHER_PORT}")
        env.update({"NEUVO_RASA_URL": self.rasa_url, "NEUVO_HUB_PORT": str(port), "NEUVO_HUB_BOT_TOKEN": env[HUB_TOKEN_ENV]})
        hub = self._spawn("hub", [str(hub_python), "-m", "handoff", "serve", "--port", str(port)], env)
        url = f"http://{os.environ.get('NEUVO_HUB_HOST', '127.0.0.1')}:{port}"
        wait_for_http(f"{url}/healthz", timeout, hub)
        return url

    def start_publisher(self, port: int = PUBLISHER_PORT, timeout: float = 60) -> str:
        """Starts the publisher (bot/publisher) beside Rasa, on loopback; returns its URL.

        It swaps models in this Rasa (so it needs the same publisher token) and
        compares new models with the one this Rasa was started with.
        """
        if not self.publisher_token:
            raise RuntimeError("the publisher needs a token (NEUVO_PUBLISHER_TOKEN)")
        env = _child_env(self.hub_token, self.publisher_token)
        env["NEUVO_RASA_URL"] = self.rasa_url
        publisher = self._spawn("publisher", [
            self.python, "-m", "bot.publisher.server", "--port", str(port), "--model", str(self.model),
        ], env)
        url = f"http://127.0.0.1:{port}"
        wait_for_http(f"{url}/health", timeout, publisher)
        self.publisher_url = url
        return url

    def _endpoints_file(self) -> Path:
        """The endpoints file, rewritten when the action server uses another port.

        A rewritten file also keeps its own tracker database beside it, so that
        test servers never share conversations with `neuvo run`.
        """
        (paths.PROJECT_ROOT / "var").mkdir(exist_ok=True)  # the default tracker database's folder
        if self.actions_port == 5055 and self.log_dir is None:
            return paths.ENDPOINTS_FILE
        folder = self.log_dir or paths.PROJECT_ROOT / "var"
        target = folder / f"endpoints-{self.actions_port}.yml"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = paths.ENDPOINTS_FILE.read_text().replace(":5055/", f":{self.actions_port}/")
        text = text.replace(f'"{TRACKER_DB}"', f'"{folder / f"rasa-tracker-{self.actions_port}.db"}"')
        target.write_text(text, encoding="utf-8")
        return target

    def stop(self) -> None:
        for child in self.children:
            if child.poll() is None:
                child.terminate()
        for child in self.children:
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()
        self.children.clear()
