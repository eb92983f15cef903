"""What the hub's browser and real-bot tests need, and how they say it is missing.

`scripts/bootstrap.sh` installs chromium and the hub-dev extra installs
Playwright, so under CI a missing browser is a set-up failure, not a reason
to skip: `require()` fails there and skips (with the reason) only on a
developer's machine without the browser.
"""
from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = os.environ.get("NEUVO_CHROMIUM", "/usr/bin/chromium")


def require(available: bool, reason: str) -> None:
    """Skip locally with the reason; fail under CI, where the project's set-up provides it."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; scripts/bootstrap.sh provides it, so CI must have it")
    pytest.skip(reason)


@pytest.fixture
def chromium() -> str:
    require(bool(shutil.which(CHROMIUM)), f"{CHROMIUM} not installed (scripts/bootstrap.sh installs it)")
    return CHROMIUM
