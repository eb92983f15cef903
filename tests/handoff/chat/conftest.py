"""Fixtures for the resident chat's tests: the real bot, started once per session."""
from __future__ import annotations

import pytest

from tests.handoff.realbot import start_real_bot


@pytest.fixture(scope="session")
def real_bot(tmp_path_factory):
    """Rasa and the action server with the trained model, behind the private channel."""
    yield from start_real_bot(tmp_path_factory.mktemp("real-bot"))
