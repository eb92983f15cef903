"""The topic intents and their response names, read from the topic folders.

One table so that rules, the clarification buttons and the tests agree on
which intents are topics and how their responses are named. It is read from
bot/domain/topics/<topic>/answers.yml (the folder name is the topic, its
`intents` the intent), so a topic the editors add needs no code change.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict

import yaml

TOPICS_DIR = Path(__file__).resolve().parent.parent / "bot" / "domain" / "topics"


def read_topics(folder: Path = TOPICS_DIR) -> Dict[str, str]:
    """{intent: topic} of every topic folder, in folder order."""
    topics: Dict[str, str] = {}
    for answers in sorted(folder.glob("*/answers.yml")):
        data = yaml.safe_load(answers.read_text(encoding="utf-8")) or {}
        for intent in data.get("intents") or []:
            topics[str(intent)] = answers.parent.name
    return topics


TOPIC_OF_INTENT: Dict[str, str] = read_topics()


def answer_response(intent: str) -> str:
    return f"utter_{TOPIC_OF_INTENT[intent]}_answer"


def label_response(intent: str) -> str:
    return f"utter_{TOPIC_OF_INTENT[intent]}_label"
