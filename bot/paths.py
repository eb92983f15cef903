"""Where the project's files live, so no module spells a path twice."""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BOT_DIR = PROJECT_ROOT / "bot"
CONFIG_FILE = BOT_DIR / "config.yml"
DOMAIN_DIR = BOT_DIR / "domain"
STORIES_DIR = BOT_DIR / "data"
NLU_DATA_DIR = PROJECT_ROOT / "nlu" / "data"
NLU_COMPONENTS_DIR = PROJECT_ROOT / "nlu" / "components"
ENDPOINTS_FILE = BOT_DIR / "endpoints.yml"
CREDENTIALS_FILE = BOT_DIR / "credentials.yml"
ORGANISATION_FILE = Path(
    os.environ.get("NEUVO_ORGANISATION_FILE", BOT_DIR / "organisation.yml")
)
MODELS_DIR = Path(os.environ.get("NEUVO_MODELS_DIR", PROJECT_ROOT / "models"))
HELDOUT_INTENTS_DIR = PROJECT_ROOT / "tests" / "nlu" / "heldout"

# Everything whose change makes a trained model stale.
# The data, and the code that shapes what the model learns from it.
TRAINING_INPUTS = (
    CONFIG_FILE, DOMAIN_DIR, STORIES_DIR, NLU_DATA_DIR, NLU_COMPONENTS_DIR,
    PROJECT_ROOT / "nlu" / "text_limits.py",
)
