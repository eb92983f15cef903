"""`neuvo run` starts the whole assistant, prints how to reach it, and stops cleanly."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from bot import paths
from bot.services import SERVING_THREADS
from tests.conftest import free_port


def _environment_of(*command_parts: str) -> dict[str, str]:
    """The environment of the running process whose command line holds all `command_parts`."""
    for proc in Path("/proc").iterdir():
        try:
            arguments = (proc / "cmdline").read_bytes().split(b"\0")
            if all(part.encode() in arguments for part in command_parts):
                pairs = (proc / "environ").read_bytes().split(b"\0")
                return dict(pair.decode().split("=", 1) for pair in pairs if b"=" in pair)
        except OSError:
            continue
    raise AssertionError(f"no process runs {command_parts}")


def test_run_starts_rasa_actions_and_the_hub_and_answers(model_path, tmp_path) -> None:
    rasa_port, actions_port, hub_port, publisher_port = free_port(), free_port(), free_port(), free_port()
    env = {**os.environ, "NEUVO_RASA_PORT": str(rasa_port), "NEUVO_ACTIONS_PORT": str(actions_port),
           "NEUVO_PUBLISHER_PORT": str(publisher_port), "NEUVO_PUBLISHER_DIR": str(tmp_path / "publisher"),
           "NEUVO_HUB_PORT": str(hub_port), "NEUVO_HUB_SECRETS_FILE": str(tmp_path / "hub-secrets.env"),
           "NEUVO_HUB_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'hub.db'}"}
    env.pop("NEUVO_HUB_BOT_TOKEN", None)
    env.pop("NEUVO_PUBLISHER_TOKEN", None)
    for name in SERVING_THREADS:
        env.pop(name, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"], cwd=paths.PROJECT_ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    output = []
    try:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                break
            output.append(line)
            if "Press Ctrl+C to stop." in line:
                break
        text = "".join(output)
        assert f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook" in text, text[-2000:]
        assert f"Resident chat:      http://127.0.0.1:{hub_port}/chat/" in text
        assert f"Counsellor console: http://127.0.0.1:{hub_port}/console/" in text
        assert f"Editor tools:       http://127.0.0.1:{hub_port}/editor/" in text
        publisher = requests.get(f"http://127.0.0.1:{publisher_port}/status", timeout=10)
        assert publisher.status_code == 401  # up, and only for the token holder (the hub)
        page = requests.get(f"http://127.0.0.1:{hub_port}/chat/", timeout=10)
        assert page.status_code == 200 and "Neuvo" in page.text
        assert (tmp_path / "hub-secrets.env").exists()  # generated once, git-ignored location in real use
        assert "example values" in text  # placeholder facts are pointed out
        reply = requests.post(
            f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook",
            json={"sender": "run-test", "message": "Hei"}, timeout=60,
        ).json()
        assert reply and "112" in " ".join(r.get("text", "") for r in reply)
        # The serving Rasa runs TensorFlow with one thread per pool (bot/services.py, SERVING_THREADS).
        rasa_env = _environment_of("run", "--port", str(rasa_port))
        assert {name: rasa_env.get(name) for name in SERVING_THREADS} == SERVING_THREADS
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
    assert process.returncode == 0
    for port in (rasa_port, actions_port, hub_port, publisher_port):
        try:
            requests.get(f"http://127.0.0.1:{port}/", timeout=2)
            raise AssertionError(f"port {port} still answers after Ctrl+C")
        except requests.ConnectionError:
            pass
