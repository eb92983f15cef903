"""Whether a new model may replace the served one: intent macro-F1 and urgent/emergency recall must not fall.

Why a tolerance on macro-F1: with 422 held-out examples over 29 intents, one
example changing side moves macro-F1 by about 0.0023, so "lower" at all
would refuse ordinary edits. Measured in the real publish test (two runs,
same figures both times, so retraining itself looks repeatable): adding one
ordinary housing example moved two held-out examples (0.9544 to 0.9497); a
deliberately bad change that still passes the content check (149 debt-advice
examples moved to housing) fell to 0.9154. The tolerance lets through a
change of up to two held-out examples; tightening it is a policy decision.
Recall gets no tolerance: one more missed emergency is one too many.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

MACRO_F1_TOLERANCE = 0.005
GUARDED_LEVELS = ("emergency", "urgent")


def decide(before: Dict[str, Any], after: Dict[str, Any],
           tolerance: float = MACRO_F1_TOLERANCE) -> List[str]:
    """The reasons not to publish (empty: publish). Figures as `evaluate.figures` returns them."""
    reasons: List[str] = []
    old_f1, new_f1 = before["intents"]["macro_f1"], after["intents"]["macro_f1"]
    if new_f1 < old_f1 - tolerance:
        reasons.append(f"intent macro-F1 fell from {old_f1:.4f} to {new_f1:.4f}")
    for level in GUARDED_LEVELS:
        old: Optional[float] = before["triage"]["recall"].get(level)
        new: Optional[float] = after["triage"]["recall"].get(level)
        if old is not None and (new is None or new < old):
            reasons.append(f"{level} recall fell from {old:.4f} to {new if new is None else f'{new:.4f}'}")
    return reasons
