from __future__ import annotations

from pathlib import Path

import pytest

from actions.organisation import example_fact_keys, org_slot_values, parse_facts


def test_real_facts_have_a_source_and_examples_are_marked() -> None:
    import yaml
    from actions.organisation import organisation_file

    data = yaml.safe_load(organisation_file().read_text(encoding="utf-8"))
    for key, spec in data["facts"].items():
        assert isinstance(spec["example"], bool), key
        if not spec["example"]:
            assert spec.get("source"), f"{key} is marked real but names no source"


def test_slot_values_cover_every_language_of_text_facts() -> None:
    values = org_slot_values()
    assert values["org_emergency_number"] == "112"
    for lang in ("fi", "sv", "en"):
        assert values[f"org_polku_walk_in_hours_{lang}"]
    assert "Lahti" in values["org_municipalities"]


def test_placeholder_facts_are_listed_for_the_run_warning() -> None:
    keys = example_fact_keys()
    assert "polku_phone" in keys and "emergency_number" not in keys


def test_a_fact_without_its_example_flag_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="example"):
        parse_facts({"facts": {"polku_phone": {"value": "1"}}})


def test_a_text_fact_missing_a_language_is_refused() -> None:
    with pytest.raises(ValueError, match="sv"):
        parse_facts({"facts": {"hours": {"example": True, "text": {"fi": "a", "en": "b"}}}})
