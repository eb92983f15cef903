"""Opening hours from the organisation file and the injectable clock."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from actions.triage import hours

HOURS = {"timezone": "Europe/Helsinki", "weekly": {"mon": ["09:00-15:00"], "sat": []},
         "closed_dates": ["2026-12-07"]}


@pytest.mark.parametrize("moment, is_open", [
    ("2026-11-23T09:00", True),    # Monday, opening minute
    ("2026-11-23T14:59", True),
    ("2026-11-23T15:00", False),   # closing time
    ("2026-11-23T08:59", False),
    ("2026-11-28T10:00", False),   # Saturday
    ("2026-12-07T10:00", False),   # a Monday that is closed
    ("2026-11-23T07:30+00:00", True),  # 09:30 in Helsinki
])
def test_open_hours(moment: str, is_open: bool) -> None:
    assert hours.is_open_at(datetime.fromisoformat(moment), HOURS) is is_open


def test_the_clock_can_be_fixed_by_environment_or_by_a_file(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv(hours.NOW_ENV, raising=False)
    file = tmp_path / "now"
    file.write_text("2026-11-28T22:00", encoding="utf-8")
    monkeypatch.setenv(hours.NOW_FILE_ENV, str(file))
    assert hours.now().isoformat() == "2026-11-28T22:00:00+02:00"
    monkeypatch.setenv(hours.NOW_ENV, "2026-11-25T10:00")
    assert hours.now().hour == 10
    assert hours.is_open_now({"service_hours": {"weekly": {"wed": ["09:00-15:00"]}}}) is True


def test_the_organisation_file_has_service_hours() -> None:
    assert hours.service_hours()["weekly"]["mon"]
