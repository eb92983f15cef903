"""Slot, action, response and value names of the intake form, spelled once."""
from __future__ import annotations

FORM = "intake_form"
VALIDATE_FORM = "validate_intake_form"
ACTION_FINISH = "action_finish_intake"
ACTION_ASK_NEED_AREAS = "action_ask_need_areas"
ACTION_ASK_CONFIRMED = "action_ask_intake_confirmed"
REQUESTED_SLOT = "requested_slot"

# Questions, in the order they are asked.
AGE_GROUP = "age_group"
MUNICIPALITY = "municipality"
MINORS = "minors_in_household"
NEED_AREAS = "need_areas"
URGENT = "resident_urgent"
COPING = "daily_coping"
NAMED_WORKER = "named_worker"
CONTACT = "contact_preference"
PHONE = "phone"
CALLBACK_TIME = "callback_time"
NAME = "resident_name"
CONSENT_SHARE = "consent_share"
CONSENT_CALLBACK = "consent_callback"
CONFIRMED = "intake_confirmed"
QUESTIONS = (AGE_GROUP, MUNICIPALITY, MINORS, NEED_AREAS, URGENT, COPING, NAMED_WORKER, CONTACT,
             PHONE, CALLBACK_TIME, NAME, CONSENT_SHARE, CONSENT_CALLBACK, CONFIRMED)
# Answers a resident may correct at the review.
CORRECTABLE = (AGE_GROUP, MUNICIPALITY, MINORS, NEED_AREAS, URGENT, COPING, NAMED_WORKER, CONTACT,
               PHONE, CALLBACK_TIME, NAME, CONSENT_SHARE, CONSENT_CALLBACK)

# Helper slots.
POSTAL_CODE = "postal_code"
IN_AREA = "in_area"
NEED_AREA_PICKS = "need_area_picks"
MODE = "intake_mode"                 # full | callback
STOP = "intake_stop"                 # stopped | triage
CORRECTING = "intake_correcting"     # True while the resident picks an answer to correct
HANDOFF_REASON = "handoff_reason"    # triage | resident_request | callback_request
CALLBACK_REASON = "callback_reason"  # outside_hours | resident_choice
HELPER_SLOTS = (POSTAL_CODE, IN_AREA, NEED_AREA_PICKS, MODE, STOP, CORRECTING, HANDOFF_REASON, CALLBACK_REASON)

MODE_FULL, MODE_CALLBACK = "full", "callback"
STOP_STOPPED, STOP_TRIAGE = "stopped", "triage"

# Values.
SKIPPED = "skipped"
YES, NO, DONT_KNOW = "yes", "no", "dont_know"
UNDER_18, WORKING_AGE, OVER_64 = "under_18", "18_64", "65_plus"
AGE_GROUPS = (UNDER_18, WORKING_AGE, OVER_64)
CHAT, PHONE_CALL, VISIT = "chat", "phone", "visit"
CONTACT_CHOICES = (CHAT, PHONE_CALL, VISIT)
NEED_AREA_CHOICES = ("work", "money_and_debts", "housing", "substances", "mental_health",
                     "physical_health", "violence", "daily_coping", "disability", "other")
DONE = "done"
# The hub channel replaces phone numbers with this before Rasa sees them
# (docs/handoff-protocol.md); the hub fills the number in from its own log.
REDACTED_PHONE = "[puh]"
SEND, CORRECT = "send", "correct"
OUTSIDE = "outside"
CHOICE_ENTITY = "choice"
INFORM = "inform"

# Responses.
UTTER_INTRO = "utter_intake_intro"
UTTER_INTRO_CALLBACK = "utter_intake_intro_callback"
UTTER_ASK_NEED_AREAS = "utter_ask_need_areas"
UTTER_NEED_AREAS_MORE = "utter_intake_need_areas_more"
UTTER_SUMMARY = "utter_intake_summary"
UTTER_ASK_CORRECTION = "utter_intake_ask_correction"
UTTER_STOPPED = "utter_intake_stopped"
UTTER_ROUTE_MINOR = "utter_intake_route_minor"
UTTER_ROUTE_ELDERLY = "utter_intake_route_elderly"
UTTER_ROUTE_FAMILY = "utter_intake_route_family"
UTTER_ROUTE_OUTSIDE = "utter_intake_route_outside"
UTTER_URGENT_NOTE = "utter_intake_urgent_note"
UTTER_VISIT_INFO = "utter_intake_visit_info"
UTTER_BAD_AGE = "utter_intake_bad_age_group"
UTTER_BAD_MUNICIPALITY = "utter_intake_bad_municipality"
UTTER_BAD_YES_NO = "utter_intake_bad_yes_no"
UTTER_BAD_NEED_AREAS = "utter_intake_bad_need_areas"
UTTER_BAD_COPING = "utter_intake_bad_daily_coping"
UTTER_BAD_CONTACT = "utter_intake_bad_contact_preference"
UTTER_BAD_PHONE = "utter_intake_bad_phone"
UTTER_BAD_FOREIGN_PHONE = "utter_intake_bad_foreign_phone"
UTTER_BAD_CALLBACK_TIME = "utter_intake_bad_callback_time"
UTTER_BAD_NAME = "utter_intake_bad_name"
UTTER_BAD_CONSENT = "utter_intake_bad_consent"
UTTER_BAD_CONFIRM = "utter_intake_bad_confirm"
UTTER_CORRECTED = "utter_intake_corrected"
UTTER_REQUEST_HUMAN = "utter_request_human"
