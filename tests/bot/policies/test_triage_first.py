"""TriageFirstPolicy: the triage reply comes first whatever the intent."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import paths
from bot.policies.triage_first import next_action

DOMAIN = Domain.load(str(paths.DOMAIN_DIR))


def after_message(intent: str, slots: Dict[str, Any], metadata: Optional[Dict[str, Any]] = None,
                  before: Optional[List[Event]] = None) -> DialogueStateTracker:
    events: List[Event] = [ActionExecuted(ACTION_LISTEN_NAME), *(before or []),
                           UserUttered("text", {"name": intent, "confidence": 0.9}, metadata=metadata)]
    events += [SlotSet(name, value) for name, value in slots.items()]
    return DialogueStateTracker.from_events("resident", events, slots=DOMAIN.slots)


def test_an_urgent_message_worded_as_a_housing_question_is_answered_as_urgent() -> None:
    assert next_action(after_message("ask_housing", {"triage_pending": "urgent"})) == "action_respond_triage"


def test_emergency_comes_first_even_for_a_request_for_a_person() -> None:
    assert next_action(after_message("request_human", {"triage_pending": "emergency"})) == "action_respond_triage"


def test_support_leaves_a_request_for_a_person_to_the_rules() -> None:
    assert next_action(after_message("request_human", {"triage_pending": "support"})) is None
    assert next_action(after_message("ask_debt_advice", {"triage_pending": "support"})) == "action_respond_triage"


def test_no_offer_while_a_handoff_is_under_way() -> None:
    tracker = after_message("ask_debt_advice", {"triage_pending": "support", "handoff_active": True})
    assert next_action(tracker) is None


def test_a_plain_question_is_left_to_the_rules() -> None:
    assert next_action(after_message("ask_housing", {"triage_pending": None})) is None


def test_inside_the_form_the_form_decides_then_triage_answers() -> None:
    in_form = after_message("inform", {"triage_pending": "emergency"}, before=[ActiveLoop("intake_form")])
    assert next_action(in_form) is None
    in_form.update(ActionExecuted("intake_form"))
    in_form.update(ActiveLoop(None))
    assert next_action(in_form) == "action_respond_triage"


def test_the_hubs_hand_back_notice_and_listening_afterwards() -> None:
    tracker = after_message("nlu_fallback", {}, metadata={"neuvo": {"event": "handed_back"}})
    assert next_action(tracker) == "action_handed_back"
    tracker.update(ActionExecuted("action_handed_back"))
    assert next_action(tracker) == ACTION_LISTEN_NAME
