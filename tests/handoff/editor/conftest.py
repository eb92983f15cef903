"""Fixtures for the editor tools' tests: the publisher's real HTTP API on a copy of the content.

Training and evaluation are replaced by quick functions (figures 0.95 before,
0.951 after); the real ones run in tests/bot/publisher/test_real_publish.py.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any, Dict

import pytest

from bot import paths
from bot.publisher import content
from bot.publisher.server import make_server
from bot.publisher.store import Store
from bot.publisher.worker import Publisher
from tests.handoff.liveserver import free_port

PUBLISHER_TOKEN = "publisher-" + "t" * 40
TRAINING_SECONDS = 0.5


def figures(macro_f1: float) -> Dict[str, Any]:
    return {"intents": {"examples": 422, "accuracy": macro_f1, "macro_f1": macro_f1, "fallback_rate": 0.05},
            "triage": {"cases": 170, "exact": 0.9, "recall": {"emergency": 1.0, "urgent": 0.96, "support": 0.8},
                       "none_raised_rate": 0.03}}


@pytest.fixture
def publisher_url(tmp_path: Path):
    tree = content.snapshot(paths.PROJECT_ROOT, tmp_path / "live")
    models = tmp_path / "models"
    models.mkdir()

    def train(_tree: Path, out: Path, name: str, _log: Path, progress) -> Path:
        progress("DIETClassifier 50%")
        time.sleep(TRAINING_SECONDS)
        (out / f"{name}.tar.gz").write_bytes(b"model")
        return out / f"{name}.tar.gz"

    publisher = Publisher(store=Store(tmp_path / "state"), root=tree, models_dir=models,
                          served_model=models / "served.tar.gz", trainer=train,
                          evaluator=lambda model: figures(0.951 if "published-" in model.name else 0.95))
    port = free_port()
    server = make_server(publisher, PUBLISHER_TOKEN, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    publisher.start()
    yield f"http://127.0.0.1:{port}", publisher
    publisher.stop()
    server.shutdown()
    server.server_close()
