"""Starts the action server and the Rasa server as child processes.

Why child processes: Rasa and rasa-sdk each run their own Sanic app and
event loop; separate processes also match production, where they are
separate services that talk over HTTP only.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

from bot import paths

RASA_PORT = int(os.environ.get("NEUVO_RASA_PORT", 5005))
ACTIONS_PORT = int(os.environ.get("NEUVO_ACTIONS_PORT", 5055))


def _child_env() -> dict:
    env = dict(os.environ)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env.setdefault("PYTHONWARNINGS", "ignore")
    return env


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
    children: List[subprocess.Popen] = field(default_factory=list)

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        return f"http://127.0.0.1:{self.actions_port}"

    def _spawn(self, name: str, command: List[str]) -> subprocess.Popen:
        stdout = None
        if self.log_dir is not None:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            stdout = open(self.log_dir / f"{name}.log", "ab")
        child = subprocess.Popen(
            command, cwd=paths.PROJECT_ROOT, env=_child_env(),
            stdout=stdout, stderr=subprocess.STDOUT if stdout else None,
        )
        self.children.append(child)
        return child

    def start(self, timeout: float = 180) -> None:
        endpoints = self._endpoints_file()
        actions = self._spawn("actions", [sys.executable, "-m", "actions.server", "--port", str(self.actions_port)])
        rasa = self._spawn("rasa", [
            sys.executable, "-m", "rasa", "run",
            "--model", str(self.model),
            "--endpoints", str(endpoints),
            "--credentials", str(paths.CREDENTIALS_FILE),
            "--interface", "127.0.0.1", "--port", str(self.rasa_port),
        ])
        try:
            wait_for_http(f"{self.actions_url}/health", timeout, actions)
            wait_for_http(f"{self.rasa_url}/", timeout, rasa)
        except Exception:
            self.stop()
            raise

    def _endpoints_file(self) -> Path:
        """The endpoints file, rewritten when the action server uses another port."""
        if self.actions_port == 5055:
            return paths.ENDPOINTS_FILE
        target = (self.log_dir or paths.PROJECT_ROOT / "var") / f"endpoints-{self.actions_port}.yml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            paths.ENDPOINTS_FILE.read_text().replace(":5055/", f":{self.actions_port}/"), encoding="utf-8"
        )
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
