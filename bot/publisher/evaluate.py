"""`python -m bot.publisher.evaluate MODEL`: the gate's figures for one model, as one JSON line.

Why a child process: the model is loaded with TensorFlow and spaCy (a few
hundred MB); the publisher's own process stays small, and the memory is
returned when the evaluation ends. The sets are the held-out intents
(tests/nlu/heldout) and the hand-written triage cases (tests/triage/cases.yml),
never trained on.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Dict

from bot import paths

TRIAGE_CASES = paths.PROJECT_ROOT / "tests" / "triage" / "cases.yml"


def figures(model: Path) -> Dict[str, Any]:
    from bot.evaluation import intents, triage
    from bot.evaluation.parser import ModelParser

    parser = ModelParser(model)
    try:
        intent_report = intents.evaluate(parser, intents.load_examples(paths.HELDOUT_INTENTS_DIR))
        triage_report = triage.evaluate(parser, triage.load_cases(TRIAGE_CASES))
    finally:
        parser.close()
    return {
        "intents": {k: intent_report[k] for k in ("examples", "accuracy", "macro_f1", "fallback_rate")},
        "triage": {k: triage_report[k] for k in ("cases", "exact", "recall", "none_raised_rate")},
    }


def main() -> int:
    print(json.dumps(figures(Path(sys.argv[1]))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
