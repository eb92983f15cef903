"""Shared fixtures: the real trained model, loaded once, and the real servers."""
from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Iterator

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def _in_hub_environment() -> bool:
    """The bot and the hub have separate environments (Rasa pins SQLAlchemy 1.4)."""
    try:
        import sqlalchemy
    except ImportError:
        return False
    return int(sqlalchemy.__version__.split(".")[0]) >= 2


# Each environment collects only its own tests: `neuvo test` runs both.
collect_ignore = ["bot", "nlu", "actions", "triage"] if _in_hub_environment() else ["handoff"]


# The hub channel's bearer token for every test Rasa (bot/channels/hub.py).
HUB_TEST_TOKEN = "test-hub-token-" + "x" * 40


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def model_path() -> Path:
    """The model trained from the tree as it is (trained first when stale).

    NEUVO_TEST_MODEL points at another model for local iteration only; the
    README's test command never sets it.
    """
    from bot.training import ensure_model

    override = os.environ.get("NEUVO_TEST_MODEL")
    return Path(override) if override else ensure_model(quiet=True)


@pytest.fixture(scope="session")
def parser(model_path: Path):
    """The served model, parsing through Rasa's own processor."""
    from bot.evaluation.parser import ModelParser

    model_parser = ModelParser(model_path)
    yield model_parser
    model_parser.close()


# The action server's clock (actions/triage/hours.py): a file the tests may
# rewrite while the server runs; by default a Wednesday inside opening hours.
OPEN_TIME = "2026-11-25T10:00"


@pytest.fixture(scope="session")
def clock_file(tmp_path_factory) -> Path:
    file = tmp_path_factory.mktemp("clock") / "now"
    file.write_text(OPEN_TIME, encoding="utf-8")
    return file


@pytest.fixture
def clock(clock_file: Path) -> Iterator:
    """Sets the running action server's time for one test: `clock("2026-11-25T22:00")`."""
    yield lambda moment: clock_file.write_text(moment, encoding="utf-8")
    clock_file.write_text(OPEN_TIME, encoding="utf-8")


@pytest.fixture(scope="session")
def bot_server(model_path: Path, tmp_path_factory, clock_file: Path) -> Iterator[str]:
    """A real `rasa run` with the REST channel and a real action server."""
    from bot.services import BotProcesses

    os.environ["NEUVO_NOW_FILE"] = str(clock_file)  # inherited by the action server

    processes = BotProcesses(
        model=model_path, rasa_port=free_port(), actions_port=free_port(),
        log_dir=tmp_path_factory.mktemp("bot-logs"), hub_token=HUB_TEST_TOKEN,
    )
    processes.start(timeout=480)  # loading takes minutes on 2 busy cores
    yield processes.rasa_url
    processes.stop()
