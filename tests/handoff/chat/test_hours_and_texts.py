"""Service hours from bot/organisation.yml, what the resident is told, continuation codes."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from handoff.botlink.handoff import estimate_minutes, parse_handoff
from handoff.chat import codes, texts
from handoff.organisation import load_organisation
from handoff.settings import DEFAULT_ORGANISATION_FILE

HELSINKI = ZoneInfo("Europe/Helsinki")


def organisation(tmp_path: Path, closed: str = "[]"):
    path = tmp_path / "org.yml"
    path.write_text(f"""
facts: {{polku_phone: {{value: "03 555 0100"}}, emergency_number: {{value: "112"}}}}
service_hours:
  timezone: Europe/Helsinki
  weekly: {{mon: ["09:00-15:00"], tue: ["09:00-15:00"], fri: ["09:00-15:00"], sat: [], sun: []}}
  closed_dates: {closed}
""", encoding="utf-8")
    return load_organisation(path)


def test_the_project_organisation_file_loads() -> None:
    org = load_organisation(DEFAULT_ORGANISATION_FILE)
    assert org.emergency_number == "112" and org.polku_phone and org.privacy_notice_url.startswith("https://")
    assert org.crisis_line("sv") == "09 2525 0112"


def test_open_and_next_opening_in_helsinki_time(tmp_path: Path) -> None:
    org = organisation(tmp_path, closed='["2026-11-23"]')
    friday_noon = datetime(2026, 11, 20, 12, 0, tzinfo=HELSINKI)
    assert org.hours.is_open(friday_noon)
    assert org.hours.is_open(friday_noon.astimezone(timezone.utc))  # any timezone in, local hours apply
    friday_evening = datetime(2026, 11, 20, 16, 0, tzinfo=HELSINKI)
    assert not org.hours.is_open(friday_evening)
    # Monday 23.11. is a closed date: the next opening is Tuesday at nine.
    assert org.hours.next_opening(friday_evening) == datetime(2026, 11, 24, 9, 0, tzinfo=HELSINKI)
    assert texts.when_text(org, "fi", friday_evening) == "ti 24.11. klo 9.00 alkaen"
    assert texts.when_text(org, "sv", friday_evening) == "från tis 24.11. kl. 9.00"
    assert texts.when_text(org, "en", friday_evening) == "from Tue 24.11. at 9:00"
    assert texts.when_text(org, "fi", friday_noon) == "tänään palveluaikana"


def test_estimate_and_handoff_payload_parsing() -> None:
    assert estimate_minutes(1, 1) == 15 and estimate_minutes(3, 2) == 30 and estimate_minutes(2, 0) == 30
    request = parse_handoff({"neuvo": {"event": "handoff", "level": "bogus", "markers": ["a", {"x": 1}],
                                       "callback": {"phone": "[puh]", "reason": "weird"}}})
    assert request.level == "none" and request.markers == ["a"]
    assert request.callback.reason == "resident_choice" and request.wants_callback
    assert parse_handoff({"neuvo": {"event": "other"}}) is None and parse_handoff("text") is None


def test_continuation_codes_are_readable_and_forgiving() -> None:
    code = codes.new_code()
    assert len(code) == 8 and set(code) <= set(codes.ALPHABET)
    assert not set("0O1IL2Z5S6G8B") & set(codes.ALPHABET)
    assert codes.normalise(codes.display(code).lower().replace("-", " ")) == code
    assert codes.normalise("short") is None and codes.normalise("OOOO-OOOO") is None


def test_emergency_text_names_112_and_the_helpline_that_fits_the_markers(tmp_path: Path) -> None:
    org = load_organisation(DEFAULT_ORGANISATION_FILE)
    crisis = texts.emergency_text(org, "sv", ["suicidal_ideation"])
    assert crisis.startswith("Om du är i fara nu, ring genast 112.") and org.crisis_line("sv") in crisis
    assert org.value("violence_helpline") in texts.emergency_text(org, "fi", ["violence_now"])
    assert org.value("poison_info") in texts.emergency_text(org, "en", ["overdose"])
    assert org.crisis_line("en") in texts.emergency_text(org, "en", ["overdose", "self_harm"])
    # A helpline the organisation file lacks: the crisis line instead, never an empty number.
    assert texts.emergency_text(organisation(tmp_path), "fi", ["violence_now"]).startswith(
        "Jos olet nyt vaarassa, soita heti 112. Kriisipuhelin")
