"""Slot and response names used by the actions, spelled once."""
LANGUAGE = "language"
DEFAULT_LANGUAGE = "fi"

UTTER_CLARIFY_TOPIC = "utter_clarify_topic"
UTTER_OFFER_PERSON = "utter_offer_person"
UTTER_PERSON_BUTTON = "utter_person_button"
UTTER_UNSUPPORTED_LANGUAGE = "utter_unsupported_language"
UTTER_EMPTY_MESSAGE = "utter_empty_message"

REQUEST_HUMAN_PAYLOAD = "/request_human"
