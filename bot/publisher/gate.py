"""Whether a new model may replace the served one: intent macro-F1 and urgent/emergency recall must not fall.

By default nothing may fall at all, as the content-editing issue asks. A
county may allow a small macro-F1 tolerance (`NEUVO_PUBLISH_F1_TOLERANCE`)
as a policy decision: with 422 held-out examples over 29 intents, one
example changing side moves macro-F1 by about 0.0023, and in the real
publish test adding one ordinary housing example moved two held-out
examples (0.9544 to 0.9497, the same in two runs), which the strict default
refuses with that reason shown to the editor. A deliberately bad change that
still passes the content check (149 debt-advice examples moved to housing)
fell to 0.9154. Recall never gets a tolerance: one more missed emergency is
one too many.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

MACRO_F1_TOLERANCE = 0.0
TOLERANCE_ENV = "NEUVO_PUBLISH_F1_TOLERANCE"
MAX_TOLERANCE = 0.02  # more would let real regressions through


def tolerance_from_env(environ: Dict[str, str]) -> float:
    """The county's macro-F1 tolerance; refuses values that are not a number in [0, 0.02]."""
    raw = environ.get(TOLERANCE_ENV, "").strip()
    if not raw:
        return MACRO_F1_TOLERANCE
    value = float(raw)
    if not 0.0 <= value <= MAX_TOLERANCE:
        raise ValueError(f"{TOLERANCE_ENV} must be between 0 and {MAX_TOLERANCE}, not {raw}")
    return value
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
