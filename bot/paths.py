"""Where the project's files live, so no module spells a path twice."""
from __future__ import annotations

import os
from pathlib import Path
from typing import List

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BOT_DIR = PROJECT_ROOT / "bot"
CONFIG_FILE = BOT_DIR / "config.yml"
DOMAIN_DIR = BOT_DIR / "domain"
STORIES_DIR = BOT_DIR / "data"
NLU_DATA_DIR = PROJECT_ROOT / "nlu" / "data"
# One folder per topic: answers.yml (domain) beside examples.yml (NLU data).
TOPICS_DIR = DOMAIN_DIR / "topics"
TOPIC_ANSWERS_FILE = "answers.yml"
TOPIC_EXAMPLES_FILE = "examples.yml"
NLU_COMPONENTS_DIR = PROJECT_ROOT / "nlu" / "components"
ENDPOINTS_FILE = BOT_DIR / "endpoints.yml"
CREDENTIALS_FILE = BOT_DIR / "credentials.yml"
ORGANISATION_FILE = Path(
    os.environ.get("NEUVO_ORGANISATION_FILE", BOT_DIR / "organisation.yml")
)
MODELS_DIR = Path(os.environ.get("NEUVO_MODELS_DIR", PROJECT_ROOT / "models"))
HELDOUT_INTENTS_DIR = PROJECT_ROOT / "tests" / "nlu" / "heldout"


def nlu_training_paths() -> List[Path]:
    """The NLU training data: the conversation intents, then every topic's examples.

    Why a list of files and not the topics folder: Rasa reads any YAML file
    with a `responses` key as NLU data too, so passing the folder would copy
    the answers into the NLU training data (another fingerprint, a full
    retrain, and a duplicated-responses warning). A function, not a constant,
    because the editor tools can add a topic while the process runs.
    """
    return [NLU_DATA_DIR, *sorted(TOPICS_DIR.glob(f"*/{TOPIC_EXAMPLES_FILE}"))]


# Everything whose change makes a trained model stale.
# The data, and the code that shapes what the model learns from it.
TRAINING_INPUTS = (
    CONFIG_FILE, DOMAIN_DIR, STORIES_DIR, NLU_DATA_DIR, NLU_COMPONENTS_DIR,
    PROJECT_ROOT / "nlu" / "text_limits.py",
)
