"""The small shared rules of the bot's endpoints and evaluations (bot/bearer.py, bot/intent_ranking.py)."""
from __future__ import annotations

from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME

from bot.bearer import MIN_TOKEN_LENGTH, bearer_matches
from bot.evaluation.intents import predicted_intent
from bot.intent_ranking import FALLBACK_INTENT, best_real_intent

TOKEN = "t" * MIN_TOKEN_LENGTH


def test_the_bearer_check_refuses_everyone_without_a_long_enough_token() -> None:
    assert bearer_matches(f"Bearer {TOKEN}", TOKEN) and bearer_matches(f"bearer {TOKEN}", TOKEN)
    assert not bearer_matches(f"Bearer {TOKEN}x", TOKEN)
    assert not bearer_matches(TOKEN, TOKEN)                      # no scheme
    assert not bearer_matches(f"Basic {TOKEN}", TOKEN)
    assert not bearer_matches(None, TOKEN) and not bearer_matches("", TOKEN)
    short = "s" * (MIN_TOKEN_LENGTH - 1)
    assert not bearer_matches(f"Bearer {short}", short)          # not configured: nobody gets in
    assert not bearer_matches("Bearer ", "")


def test_the_best_real_intent_is_read_the_same_for_the_inbox_and_the_evaluation() -> None:
    assert FALLBACK_INTENT == DEFAULT_NLU_FALLBACK_INTENT_NAME
    clear = {"intent": {"name": "ask_housing", "confidence": 0.9},
             "intent_ranking": [{"name": "ask_housing", "confidence": 0.9}, {"name": "greet", "confidence": 0.1}]}
    assert best_real_intent(clear) == ({"name": "ask_housing", "confidence": 0.9}, False)
    assert predicted_intent(clear) == ("ask_housing", False)
    unsure = {"intent": {"name": FALLBACK_INTENT, "confidence": 0.7},
              "intent_ranking": [{"name": FALLBACK_INTENT, "confidence": 0.7}, {"name": "greet", "confidence": 0.2}]}
    assert best_real_intent(unsure) == ({"name": "greet", "confidence": 0.2}, True)
    assert predicted_intent(unsure) == ("greet", True)
    nothing_real = {"intent": {"name": FALLBACK_INTENT, "confidence": 1.0}, "intent_ranking": []}
    assert best_real_intent(nothing_real) == ({}, True)
    assert predicted_intent(nothing_real) == (FALLBACK_INTENT, True)
    assert predicted_intent({}) == ("", False)
