"""The hub hands the conversation back to the assistant (docs/handoff-protocol.md)."""
from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.triage.names import ACTION_HANDED_BACK, UTTER_HANDED_BACK


class ActionHandedBack(Action):
    """`action_validate_slot_mappings` already cleared `handoff_active`; say hello again."""

    def name(self) -> str:
        return ACTION_HANDED_BACK

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        dispatcher.utter_message(response=UTTER_HANDED_BACK)
        return []
