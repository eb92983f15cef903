"""The organisation facts the hub tells residents (bot/organisation.yml).

Why read the bot's file: phone numbers, the privacy notice and the service
hours are kept in one place for the bot and the hub alike, so a county edits
them once (README, "Content and facts").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Optional
from zoneinfo import ZoneInfo

import yaml

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
LANGUAGES = ("fi", "sv", "en")


@dataclass(frozen=True)
class ServiceHours:
    """When counsellors answer chat handoffs (weekly ranges in local time)."""

    timezone: ZoneInfo
    weekly: dict[int, list[tuple[time, time]]]
    closed_dates: frozenset[date] = field(default_factory=frozenset)

    def is_open(self, at: datetime) -> bool:
        local = at.astimezone(self.timezone)
        if local.date() in self.closed_dates:
            return False
        return any(start <= local.time() < end for start, end in self.weekly.get(local.weekday(), []))

    def next_opening(self, at: datetime, horizon_days: int = 14) -> Optional[datetime]:
        """The next time the service opens after `at` (local time), if within the horizon."""
        local = at.astimezone(self.timezone)
        for offset in range(horizon_days + 1):
            day = local.date() + timedelta(days=offset)
            if day in self.closed_dates:
                continue
            for start, _end in sorted(self.weekly.get(day.weekday(), [])):
                opening = datetime.combine(day, start, tzinfo=self.timezone)
                if opening > local:
                    return opening
        return None


@dataclass(frozen=True)
class Organisation:
    facts: dict[str, Any]
    hours: ServiceHours

    def value(self, key: str, default: str = "") -> str:
        fact = self.facts.get(key) or {}
        return str(fact.get("value", default))

    def text(self, key: str, language: str) -> str:
        fact = self.facts.get(key) or {}
        texts = fact.get("text") or {}
        return str(texts.get(language) or texts.get("fi") or fact.get("value", ""))

    @property
    def polku_phone(self) -> str:
        return self.value("polku_phone")

    @property
    def emergency_number(self) -> str:
        return self.value("emergency_number", "112")

    @property
    def privacy_notice_url(self) -> str:
        return self.value("privacy_notice_url")

    def crisis_line(self, language: str) -> str:
        return self.value(f"crisis_line_{language}") or self.value("crisis_line_fi")


def _range(text: str) -> tuple[time, time]:
    start, _, end = text.partition("-")
    return time.fromisoformat(start.strip()), time.fromisoformat(end.strip())


def load_organisation(path: Path) -> Organisation:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    hours = data.get("service_hours") or {}
    weekly = {
        index: [_range(r) for r in (hours.get("weekly") or {}).get(name) or []]
        for index, name in enumerate(WEEKDAYS)
    }
    closed = frozenset(date.fromisoformat(str(d)) for d in hours.get("closed_dates") or [])
    service_hours = ServiceHours(ZoneInfo(hours.get("timezone", "Europe/Helsinki")), weekly, closed)
    return Organisation(facts=data.get("facts") or {}, hours=service_hours)
