"""action_validate_slot_mappings: the level rises only, markers accumulate, pending is per message."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.triage.tracking import ActionValidateSlotMappings, message_triage, triage_events


def message(text: str, level: str = "none", markers: Optional[List[str]] = None, intent: str = "ask_housing",
            metadata: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    return {"text": text, "intent": {"name": intent, "confidence": 0.9},
            "triage": {"level": level, "markers": markers or []}, "metadata": metadata or {}}


def tracker(slots: Dict[str, Any], latest: Dict[str, Any]) -> Tracker:
    return Tracker("resident", slots, latest, [], False, None, {}, "action_listen")


def test_an_urgent_housing_question_raises_the_level_and_is_pending() -> None:
    latest = message("minut häädetään huomenna", "urgent", ["eviction_imminent"])
    assert triage_events("none", [], latest) == [
        SlotSet("triage_level", "urgent"),
        SlotSet("triage_markers", ["eviction_imminent"]),
        SlotSet("triage_pending", "urgent"),
    ]


def test_the_level_never_falls_and_markers_accumulate() -> None:
    latest = message("kiitos", "support", ["cannot_cope_daily"], intent="thank")
    assert triage_events("urgent", ["eviction_imminent"], latest) == [
        SlotSet("triage_markers", ["eviction_imminent", "cannot_cope_daily"]),
        SlotSet("triage_pending", None),
    ]


def test_a_plain_question_changes_nothing_but_clears_pending() -> None:
    assert triage_events("none", [], message("miten haen toimeentulotukea")) == [SlotSet("triage_pending", None)]


def test_asking_for_a_person_is_a_support_marker() -> None:
    assert message_triage(message("/request_human", intent="request_human")) == ("support", ["asks_for_person"])


def test_button_payloads_are_not_triaged() -> None:
    latest = message('/inform{"choice": "violence"}', "emergency", ["violence_now"], intent="inform")
    assert message_triage(latest) == ("none", [])


def test_the_hubs_hand_back_notice_ends_the_handoff_and_keeps_the_level() -> None:
    latest = message("/handed_back", metadata={"neuvo": {"event": "handed_back"}})
    assert triage_events("urgent", ["eviction_imminent"], latest) == [
        SlotSet("handoff_active", False), SlotSet("triage_pending", None),
    ]


def test_the_action_reads_the_latest_message() -> None:
    latest = message("en jaksa elää", "emergency", ["suicidal_ideation"], intent="express_crisis")
    events = asyncio.run(ActionValidateSlotMappings().run(
        CollectingDispatcher(), tracker({"triage_level": "support", "triage_markers": ["asks_for_person"]}, latest), {}
    ))
    assert events == [
        SlotSet("triage_level", "emergency"),
        SlotSet("triage_markers", ["asks_for_person", "suicidal_ideation"]),
        SlotSet("triage_pending", "emergency"),
    ]


def test_a_button_payload_keeps_the_language() -> None:
    from actions.triage.tracking import keep_language

    events = [{"event": "slot", "name": "language", "value": "sv"}, {"event": "user", "text": "/handed_back"},
              {"event": "slot", "name": "language", "value": "en"}]
    latest = message("/handed_back", metadata={"neuvo": {"event": "handed_back"}})
    moved = Tracker("resident", {"language": "en"}, latest, events, False, None, {}, "action_listen")
    assert keep_language(moved) == [SlotSet("language", "sv")]
    typed = Tracker("resident", {"language": "en"}, message("Hello"), events, False, None, {}, "action_listen")
    assert keep_language(typed) == []
