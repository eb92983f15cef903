"""The real trained bot (Rasa + action server from .venv) for the hub's end-to-end tests.

The hub's environment cannot import Rasa, so the bot runs as child processes
of the bot environment's Python, exactly as `neuvo run` starts it. The model
is the one `neuvo test` trained (or NEUVO_TEST_MODEL); without one these
tests are skipped with the reason (and fail under CI, where `neuvo test`
has trained it).
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Iterator, Optional

from bot import paths
from bot.services import BotProcesses
from tests.handoff.prerequisites import require
from tests.handoff.chathub import BOT_TOKEN
from tests.handoff.liveserver import free_port

BOT_PYTHON = paths.PROJECT_ROOT / ".venv" / "bin" / "python"


def current_model() -> Optional[Path]:
    if os.environ.get("NEUVO_TEST_MODEL"):
        return Path(os.environ["NEUVO_TEST_MODEL"])
    if not BOT_PYTHON.exists():
        return None
    found = subprocess.run(
        [str(BOT_PYTHON), "-c", "from bot.training import current_model; print(current_model() or '')"],
        cwd=paths.PROJECT_ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONWARNINGS": "ignore"},
    ).stdout.strip().splitlines()
    return Path(found[-1]) if found and found[-1] else None


def start_real_bot(log_dir: Path) -> Iterator[BotProcesses]:
    model = current_model()
    require(model is not None and model.exists(),
            "no trained model for the tree (`neuvo test` trains it before the hub's tests)")
    processes = BotProcesses(
        model=model, rasa_port=free_port(), actions_port=free_port(), log_dir=log_dir,
        hub_token=BOT_TOKEN, python=str(BOT_PYTHON),
    )
    processes.start(timeout=300)
    try:
        yield processes
    finally:
        processes.stop()
