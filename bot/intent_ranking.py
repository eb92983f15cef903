"""Reading a Rasa parse: the best real intent, also when the fallback won.

Why one place: the editors' inbox (bot/channels/nlu_outcome.py) and
`neuvo eval intents` (bot/evaluation/intents.py) must agree on what the
classifier "meant" when the FallbackClassifier fired.
"""
from __future__ import annotations

from typing import Any, Dict, Tuple

# Rasa's DEFAULT_NLU_FALLBACK_INTENT_NAME (kept as text: `neuvo eval` imports Rasa only when it must).
FALLBACK_INTENT = "nlu_fallback"


def best_real_intent(parse: Dict[str, Any]) -> Tuple[Dict[str, Any], bool]:
    """The best intent that is not the fallback ({} when there is none) and whether the fallback fired."""
    top = parse.get("intent") or {}
    if top.get("name") != FALLBACK_INTENT:
        return top, False
    return next((i for i in parse.get("intent_ranking") or [] if i.get("name") != FALLBACK_INTENT), {}), True
