"""A copy of the project's content in a temporary folder, to edit and break."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import paths
from bot.content import ContentPaths, default_detector


@pytest.fixture(scope="session")
def detect():
    """The bot's language detector, shared so its cache is warm across tests."""
    detector = default_detector()
    assert detector is not None, "py3langid belongs to the bot environment"
    return detector


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """bot/domain, bot/data, bot/organisation.yml, nlu/data, the held-out set and actions/*.py, copied."""
    root = tmp_path / "project"
    for folder in ("bot/domain", "bot/data", "nlu/data", "tests/nlu/heldout"):
        shutil.copytree(paths.PROJECT_ROOT / folder, root / folder)
    shutil.copy(paths.PROJECT_ROOT / "bot" / "organisation.yml", root / "bot" / "organisation.yml")
    shutil.copytree(paths.PROJECT_ROOT / "actions", root / "actions",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return root


@pytest.fixture
def content(project: Path) -> ContentPaths:
    return ContentPaths.under(project)

