"""`rasa data validate` on the project: no errors, no unexplained warnings.

Rasa warns about every response that no story or rule names; ours that only
actions send (topic labels, clarification texts, `utter_default` of Rasa's
own fallback action) are derived from the actions' code, not listed by hand.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from actions import slots as action_slots
from actions.intake import names as intake_names
from actions.intake.ask import ASK_ACTIONS, ask_response
from actions.triage import names as triage_names
from actions.topics import TOPIC_OF_INTENT, label_response
from bot import paths

ACTIONS_DIR = paths.PROJECT_ROOT / "actions"


def _responses_sent_by_actions() -> set:
    sent = {label_response(intent) for intent in TOPIC_OF_INTENT}
    for module in (action_slots, intake_names, triage_names):
        sent |= {value for name, value in vars(module).items() if name.startswith("UTTER_")}
    sent |= {ask_response(action.slot) for action in ASK_ACTIONS}
    sent |= {ask_response(intake_names.MUNICIPALITY)}
    sent.add("utter_default")  # Rasa's action_default_fallback
    return sent


def test_rasa_data_validate_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "data", "validate", "--domain", str(paths.DOMAIN_DIR),
         "--data", str(paths.STORIES_DIR), *map(str, paths.nlu_training_paths()), "--config", str(paths.CONFIG_FILE)],
        cwd=paths.PROJECT_ROOT, capture_output=True, text=True, timeout=600,
        env={**os.environ, "SQLALCHEMY_SILENCE_UBER_WARNING": "1"},  # Rasa's own SQLAlchemy 1.4 notice
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    warnings = [line for line in output.splitlines() if "UserWarning" in line or "WARNING" in line]
    unused = set(re.findall(r"The utterance '(\w+)' is not used in any story or rule", output))
    other = [w for w in warnings if "is not used in any story or rule" not in w]
    assert unused <= _responses_sent_by_actions(), unused - _responses_sent_by_actions()
    assert other == []


def test_every_action_response_constant_exists_in_the_domain() -> None:
    from tests.bot.domain_files import all_responses

    assert _responses_sent_by_actions() <= set(all_responses())
