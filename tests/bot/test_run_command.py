"""`neuvo run` starts the whole assistant, prints how to reach it, and stops cleanly."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import requests

from bot import paths
from tests.conftest import free_port


def test_run_starts_rasa_and_actions_and_answers(model_path) -> None:
    rasa_port, actions_port = free_port(), free_port()
    env = {**os.environ, "NEUVO_RASA_PORT": str(rasa_port), "NEUVO_ACTIONS_PORT": str(actions_port)}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"], cwd=paths.PROJECT_ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    output = []
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                break
            output.append(line)
            if "Press Ctrl+C to stop." in line:
                break
        text = "".join(output)
        assert f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook" in text, text[-2000:]
        assert "example values" in text  # placeholder facts are pointed out
        reply = requests.post(
            f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook",
            json={"sender": "run-test", "message": "Hei"}, timeout=60,
        ).json()
        assert reply and "112" in " ".join(r.get("text", "") for r in reply)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
    assert process.returncode == 0
    for port in (rasa_port, actions_port):
        try:
            requests.get(f"http://127.0.0.1:{port}/", timeout=2)
            raise AssertionError(f"port {port} still answers after Ctrl+C")
        except requests.ConnectionError:
            pass
