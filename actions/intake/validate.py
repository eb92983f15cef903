"""`validate_intake_form`: reads each answer, re-asks kindly with an example.

Before any answer is read: an emergency or urgent message ends the form so
help comes first, and "lopeta" / "en halua vastata" ends it with the help
the resident can still get (actions/intake/finish.py).
"""
from __future__ import annotations

import inspect
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from actions.intake import names as n
from actions.intake import parse
from actions.intake.areas import resolve_place
from actions.intake.labels import value_label
from actions.intake.correct import (
    TAKES_A_VALUE, cleared, corrected_field, field_named_in, new_value_text, reopen, wants_review_correction,
)
from actions.intake.summary import FIX_PREFIX, answer_line
from actions.topics import TOPIC_OF_INTENT, answer_response
from actions.triage.handoff import language_of
from actions.triage.hours import is_open_now
from actions.triage.names import EMERGENCY, TRIAGE_PENDING, URGENT

SKIP = "skip"
TOPIC_CONFIDENCE = 0.6


def button_choice(tracker: Tracker) -> Optional[str]:
    """The answer code of a clicked button (`/inform{"choice": ...}`), if any."""
    for entity in (tracker.latest_message or {}).get("entities") or []:
        if entity.get("entity") == n.CHOICE_ENTITY and entity.get("value") is not None:
            return str(entity["value"])
    return None


def as_text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return "" if value is None else str(value)


def required_questions(slots: Dict[str, Any]) -> List[str]:
    """The questions still relevant for this resident, in order."""
    if slots.get(n.STOP):
        return []
    phone = slots.get(n.PHONE)
    has_phone = phone not in (None, n.SKIPPED)
    if slots.get(n.MODE) == n.MODE_CALLBACK:
        return [n.PHONE, *([n.CALLBACK_TIME] if has_phone else []), n.NAME,
                *([n.CONSENT_CALLBACK] if has_phone else []), n.CONFIRMED]
    wants_call = slots.get(n.CONTACT) == n.PHONE_CALL
    return [n.AGE_GROUP, n.MUNICIPALITY, n.MINORS, n.NEED_AREAS, n.URGENT, n.COPING, n.NAMED_WORKER, n.CONTACT,
            *([n.PHONE] if wants_call else []), *([n.CALLBACK_TIME] if has_phone else []), n.NAME,
            n.CONSENT_SHARE, *([n.CONSENT_CALLBACK] if has_phone else []), n.CONFIRMED]


class ValidateIntakeForm(FormValidationAction):
    def name(self) -> str:
        return n.VALIDATE_FORM

    async def required_slots(
        self, domain_slots: List[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[str]:
        return required_questions(tracker.slots)

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        requested = tracker.get_slot(n.REQUESTED_SLOT)
        if tracker.get_slot(TRIAGE_PENDING) in (EMERGENCY, URGENT):
            return self._stop(requested, n.STOP_TRIAGE)
        if not requested:
            # Activation: answers kept from earlier were validated when given.
            return []
        candidate = tracker.slots_to_validate().get(requested)
        if candidate is not None and button_choice(tracker) is None:
            if parse.is_stop(as_text(candidate)):
                return self._stop(requested, n.STOP_STOPPED)
            earlier = corrected_field(as_text(candidate), tracker, language_of(tracker))
            if earlier:
                return await self._correct(earlier, requested, as_text(candidate), dispatcher, tracker, domain)
            answer = self._topic_question(tracker, as_text(candidate))
            if answer:
                # A question in the middle of the intake: answer it, then ask again.
                dispatcher.utter_message(response=answer)
                return [SlotSet(requested, None)]
        return await super().get_validation_events(dispatcher, tracker, domain)

    async def _correct(self, slot: str, requested: str, text: str, dispatcher: CollectingDispatcher,
                       tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        """Changes an earlier answer mid-form (actions/intake/correct.py), then the open question again.

        A new value in the message goes through that question's own validation
        (its re-ask when unusable); without one, the question is asked again.
        """
        events: List[EventType] = [SlotSet(requested, None)]
        language = language_of(tracker)
        value = new_value_text(text, slot, language) if slot in TAKES_A_VALUE else ""
        if not value:
            return events + [SlotSet(k, v) for k, v in cleared(slot).items()]
        checked = CollectingDispatcher()
        result = getattr(self, f"validate_{slot}")(value, checked, tracker, domain)
        if inspect.isawaitable(result):
            result = await result
        if result.get(slot) is None:
            result = {**cleared(slot), **result}
        else:
            dispatcher.utter_message(response=n.UTTER_CORRECTED, corrected=answer_line(slot, result[slot], language))
        dispatcher.messages.extend(checked.messages)
        return events + [SlotSet(k, v) for k, v in result.items()]

    @staticmethod
    def _topic_question(tracker: Tracker, text: str) -> Optional[str]:
        intent = ((tracker.latest_message or {}).get("intent") or {})
        if text.strip().endswith("?") and intent.get("name") in TOPIC_OF_INTENT \
                and float(intent.get("confidence") or 0) >= TOPIC_CONFIDENCE:
            return answer_response(intent["name"])
        return None

    @staticmethod
    def _stop(requested: Optional[str], reason: str) -> List[EventType]:
        events: List[EventType] = [SlotSet(n.STOP, reason)]
        if requested:
            events.insert(0, SlotSet(requested, None))
        return events

    # Helpers -----------------------------------------------------------------

    @staticmethod
    def _answer(value: Any, tracker: Tracker) -> tuple[Optional[str], str]:
        return button_choice(tracker), as_text(value)

    @staticmethod
    def _skipped(choice: Optional[str], text: str) -> bool:
        return choice == SKIP or (choice is None and parse.is_skip(text))

    @staticmethod
    def _reask(dispatcher: CollectingDispatcher, slot: str, response: str) -> Dict[str, Any]:
        dispatcher.utter_message(response=response)
        return {slot: None}

    def _yes_no(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                skippable: bool = True, dont_know: bool = False, bad: str = n.UTTER_BAD_YES_NO) -> Dict[str, Any]:
        choice, text = self._answer(value, tracker)
        if self._skipped(choice, text):
            return {slot: n.SKIPPED if skippable else n.NO}
        allowed = (n.YES, n.NO, n.DONT_KNOW) if dont_know else (n.YES, n.NO)
        answer = choice if choice in allowed else parse.parse_yes_no(text, allow_dont_know=dont_know)
        if answer is None:
            return self._reask(dispatcher, slot, bad)
        return {slot: answer}

    # One method per question ---------------------------------------------------

    def validate_age_group(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                           domain: Dict[str, Any]) -> Dict[str, Any]:
        choice, text = self._answer(value, tracker)
        if self._skipped(choice, text):
            return {n.AGE_GROUP: n.SKIPPED}
        group = choice if choice in n.AGE_GROUPS else parse.parse_age_group(text)
        if group is None:
            return self._reask(dispatcher, n.AGE_GROUP, n.UTTER_BAD_AGE)
        if group == n.UNDER_18:
            dispatcher.utter_message(response=n.UTTER_ROUTE_MINOR)
        elif group == n.OVER_64:
            dispatcher.utter_message(response=n.UTTER_ROUTE_ELDERLY)
        return {n.AGE_GROUP: group}

    def validate_municipality(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: Dict[str, Any]) -> Dict[str, Any]:
        choice, text = self._answer(value, tracker)
        if self._skipped(choice, text):
            return {n.MUNICIPALITY: n.SKIPPED}
        place = resolve_place(choice or text)
        if place is None:
            return self._reask(dispatcher, n.MUNICIPALITY, n.UTTER_BAD_MUNICIPALITY)
        if not place.in_area:
            dispatcher.utter_message(response=n.UTTER_ROUTE_OUTSIDE)
        return {n.MUNICIPALITY: place.municipality, n.POSTAL_CODE: place.postal_code, n.IN_AREA: place.in_area}

    def validate_minors_in_household(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: Dict[str, Any]) -> Dict[str, Any]:
        result = self._yes_no(n.MINORS, value, dispatcher, tracker)
        if result[n.MINORS] == n.YES:
            dispatcher.utter_message(response=n.UTTER_ROUTE_FAMILY)
        return result

    def validate_need_areas(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                            domain: Dict[str, Any]) -> Dict[str, Any]:
        choice, text = self._answer(value, tracker)
        picks = list(tracker.get_slot(n.NEED_AREA_PICKS) or [])
        if choice == n.DONE or (choice is None and parse.is_done(text)):
            return {n.NEED_AREAS: picks}
        if self._skipped(choice, text):
            return {n.NEED_AREAS: picks or n.SKIPPED}
        found = [choice] if choice in n.NEED_AREA_CHOICES else parse.parse_need_areas(text)
        if not found:
            dispatcher.utter_message(response=n.UTTER_BAD_NEED_AREAS)
            return {n.NEED_AREAS: None}
        picks += [a for a in found if a not in picks]
        if len(picks) == len(n.NEED_AREA_CHOICES):
            return {n.NEED_AREAS: picks, n.NEED_AREA_PICKS: picks}
        return {n.NEED_AREAS: None, n.NEED_AREA_PICKS: picks}

    def validate_resident_urgent(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: Dict[str, Any]) -> Dict[str, Any]:
        result = self._yes_no(n.URGENT, value, dispatcher, tracker)
        if result[n.URGENT] == n.YES and not is_open_now():
            dispatcher.utter_message(response=n.UTTER_URGENT_NOTE)
        return result

    def validate_daily_coping(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: Dict[str, Any]) -> Dict[str, Any]:
        choice, text = self._answer(value, tracker)
        if self._skipped(choice, text):
            return {n.COPING: n.SKIPPED}
        level = choice if choice in {"1", "2", "3", "4", "5"} else parse.parse_coping(text)
        if level is None:
            return self._reask(dispatcher, n.COPING, n.UTTER_BAD_COPING)
        return {n.COPING: level}

    def validate_named_worker(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: Dict[str, Any]) -> Dict[str, Any]:
        return self._yes_no(n.NAMED_WORKER, value, dispatcher, tracker, dont_know=True)

    def validate_contact_preference(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: Dict[str, Any]) -> Dict[str, Any]:
        choice, text = self._answer(value, tracker)
        if self._skipped(choice, text):
            return {n.CONTACT: n.SKIPPED}
        contact = choice if choice in n.CONTACT_CHOICES else parse.parse_contact(text)
        if contact is None:
            return self._reask(dispatcher, n.CONTACT, n.UTTER_BAD_CONTACT)
        if contact != n.PHONE_CALL:
            return {n.CONTACT: contact, n.PHONE: None, n.CALLBACK_TIME: None, n.CONSENT_CALLBACK: None}
        return {n.CONTACT: contact}

    def validate_phone(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                       domain: Dict[str, Any]) -> Dict[str, Any]:
        choice, text = self._answer(value, tracker)
        if self._skipped(choice, text):
            return {n.PHONE: n.SKIPPED}
        phone, problem = parse.normalise_phone(text)
        if phone is None:
            bad = n.UTTER_BAD_FOREIGN_PHONE if problem == "foreign" else n.UTTER_BAD_PHONE
            return self._reask(dispatcher, n.PHONE, bad)
        return {n.PHONE: phone}

    def validate_callback_time(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: Dict[str, Any]) -> Dict[str, Any]:
        choice, text = self._answer(value, tracker)
        if self._skipped(choice, text):
            return {n.CALLBACK_TIME: n.SKIPPED}
        if choice in ("morning", "afternoon", "any_time"):
            return {n.CALLBACK_TIME: value_label(choice, language_of(tracker))}
        wish = parse.parse_callback_time(text)
        if wish is None:
            return self._reask(dispatcher, n.CALLBACK_TIME, n.UTTER_BAD_CALLBACK_TIME)
        return {n.CALLBACK_TIME: wish}

    def validate_resident_name(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: Dict[str, Any]) -> Dict[str, Any]:
        choice, text = self._answer(value, tracker)
        if self._skipped(choice, text):
            return {n.NAME: n.SKIPPED}
        name = parse.parse_name(text)
        if name is None:
            return self._reask(dispatcher, n.NAME, n.UTTER_BAD_NAME)
        return {n.NAME: name}

    def validate_consent_share(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: Dict[str, Any]) -> Dict[str, Any]:
        return self._yes_no(n.CONSENT_SHARE, value, dispatcher, tracker, skippable=False, bad=n.UTTER_BAD_CONSENT)

    def validate_consent_callback(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: Dict[str, Any]) -> Dict[str, Any]:
        return self._yes_no(n.CONSENT_CALLBACK, value, dispatcher, tracker, skippable=False,
                            bad=n.UTTER_BAD_CONSENT)

    def validate_intake_confirmed(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: Dict[str, Any]) -> Dict[str, Any]:
        choice, text = self._answer(value, tracker)
        language = language_of(tracker)
        if choice and choice.startswith(FIX_PREFIX) and choice[len(FIX_PREFIX):] in n.CORRECTABLE:
            return reopen(choice[len(FIX_PREFIX):])
        if choice is None and wants_review_correction(text):
            slot = field_named_in(text, tracker, language)
            return reopen(slot) if slot else {n.CONFIRMED: None, n.CORRECTING: True}
        if choice == n.SEND or (choice is None and parse.parse_yes_no(text) == n.YES):
            return {n.CONFIRMED: n.YES, n.CORRECTING: None}
        if choice == n.CORRECT or (choice is None and parse.parse_yes_no(text) == n.NO):
            return {n.CONFIRMED: None, n.CORRECTING: True}
        return self._reask(dispatcher, n.CONFIRMED, n.UTTER_BAD_CONFIRM)
