"""Whether counsellors answer the chat now (`service_hours` in bot/organisation.yml).

Why an injectable clock: the urgent path differs inside and outside opening
hours, and the conversation tests must exercise both against one running
action server. `NEUVO_NOW` (ISO time) fixes the clock for a whole process;
`NEUVO_NOW_FILE` names a file whose content (ISO time, or empty for the real
clock) is read on every call, so a test can move the clock of a server that
is already running. Naive times are read in the organisation's time zone.
"""
from __future__ import annotations

import os
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple
from zoneinfo import ZoneInfo

from actions.organisation import load_organisation

NOW_ENV = "NEUVO_NOW"
NOW_FILE_ENV = "NEUVO_NOW_FILE"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_TIMEZONE = "Europe/Helsinki"


def _fixed_now_text() -> Optional[str]:
    if os.environ.get(NOW_ENV):
        return os.environ[NOW_ENV]
    file = os.environ.get(NOW_FILE_ENV)
    if file and Path(file).is_file():
        return Path(file).read_text(encoding="utf-8").strip() or None
    return None


def now(timezone: str = DEFAULT_TIMEZONE) -> datetime:
    """The current time in `timezone` (fixed by NEUVO_NOW / NEUVO_NOW_FILE in tests)."""
    zone = ZoneInfo(timezone)
    fixed = _fixed_now_text()
    if not fixed:
        return datetime.now(zone)
    parsed = datetime.fromisoformat(fixed)
    return parsed.replace(tzinfo=zone) if parsed.tzinfo is None else parsed.astimezone(zone)


def _parse_range(text: str) -> Tuple[time, time]:
    start, end = (part.strip() for part in text.split("-"))
    return time.fromisoformat(start), time.fromisoformat(end)


def is_open_at(moment: datetime, hours: Dict[str, Any]) -> bool:
    """True when `moment` falls in a weekly range and not on a closed date."""
    zone = ZoneInfo(hours.get("timezone") or DEFAULT_TIMEZONE)
    local = moment.astimezone(zone) if moment.tzinfo else moment.replace(tzinfo=zone)
    closed: List[str] = [str(d) for d in hours.get("closed_dates") or []]
    if local.date().isoformat() in closed:
        return False
    ranges = (hours.get("weekly") or {}).get(DAYS[local.weekday()]) or []
    return any(start <= local.time() < end for start, end in map(_parse_range, ranges))


def service_hours(data: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    data = data if data is not None else load_organisation()
    return data.get("service_hours") or {}


def is_open_now(data: Optional[Dict[str, Any]] = None) -> bool:
    """Whether counsellors answer the chat at this moment."""
    hours = service_hours(data)
    return is_open_at(now(hours.get("timezone") or DEFAULT_TIMEZONE), hours)


def today() -> date:
    return now().date()
